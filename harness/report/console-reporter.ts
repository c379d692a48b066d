import { isAbsolute, relative, resolve } from 'node:path';
import { type AnsiStyle, createAnsiStyle, shouldUseColor } from './ansi-style.ts';
import { describeVerdict } from './describe-verdict.ts';
import { formatDuration } from './format-duration.ts';
import type { Reporter, RunResult, ScenarioResult } from './run-result.ts';
import { showControlChars } from './show-control-chars.ts';

export interface ConsoleReporterOptions {
  /** Where the text goes; process.stdout by default. */
  write?: (text: string) => void;
  /** ANSI colours; by default on a terminal unless NO_COLOR is set. */
  color?: boolean;
  /** The files the other reporters write, named in the summary; without it the summary names the folder only. */
  reportFiles?: string[];
}

/** Live progress, one line per scenario as it ends, the failures explained, then a summary and the verdict. */
export function createConsoleReporter(options: ConsoleReporterOptions = {}): Reporter {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const style = createAnsiStyle(options.color ?? shouldUseColor());
  return {
    name: 'console',
    onRunStart({ supplier, total, workers }) {
      const what = `${count(total, 'scenario')} against ${clean(supplier)} with ${count(workers, 'worker')}`;
      write(`Running ${what}\n\n`);
    },
    onScenarioEnd(result) {
      write(scenarioLines(result, style));
    },
    onRunEnd(result, reportDir) {
      write(summaryLines(result, reportDir, options.reportFiles, style));
    },
  };
}

function scenarioLines(result: ScenarioResult, style: AnsiStyle): string {
  const timing = [formatDuration(result.duration_ms), result.attempts > 1 && `${result.attempts} attempts`];
  const time = style.dim(`(${timing.filter(Boolean).join(', ')})`);
  const name = clean(result.name);
  if (result.status === 'passed') return `  ${style.green('✓')} ${name} ${time}\n`;
  if (result.status === 'skipped') {
    return `  ${style.yellow('–')} ${name} ${style.dim('(skipped)')}\n${detail('reason', result.reason ?? 'no reason given', style)}`;
  }
  const tag = result.severity === 'required' ? style.red('[required]') : style.yellow('[advisory]');
  return `  ${style.red('✗')} ${tag} ${name} ${time}\n${failureLines(result, style)}`;
}

function failureLines(result: ScenarioResult, style: AnsiStyle): string {
  const failure = result.failure ?? { code: 'UNKNOWN', message: 'failed without a recorded reason' };
  const explained =
    failure.expected !== undefined
      ? detail('expected', failure.expected, style) +
        detail('actual', failure.actual ?? '(not recorded)', style)
      : detail('error', `${failure.code}: ${failure.message}`, style);
  const docs = failure.docs ?? result.docs;
  return `${explained}${detail('rule', failure.rule ?? result.rule, style)}${docs ? detail('', docs, style) : ''}`;
}

// A label column, so multi-line values stay aligned under the first line.
function detail(label: string, value: string, style: AnsiStyle): string {
  const [first, ...rest] = clean(value).split(/\r?\n/);
  const indent = ' '.repeat(16);
  const lines = [`      ${style.dim(label.padEnd(10))}${first}`, ...rest.map((line) => indent + line)];
  return lines.map((line) => `${line}\n`).join('');
}

function summaryLines(
  result: RunResult,
  reportDir: string,
  files: string[] | undefined,
  style: AnsiStyle,
): string {
  const { passed, failed, skipped, requiredFailed, advisoryFailed } = result.counts;
  const split = failed > 0 ? ` (${requiredFailed} required, ${advisoryFailed} advisory)` : '';
  const counts = [
    style.green(`${passed} passed`),
    (failed > 0 ? style.red : (t: string) => t)(`${failed} failed${split}`),
    (skipped > 0 ? style.yellow : (t: string) => t)(`${skipped} skipped`),
  ].join(', ');
  const lines = [
    `\n  ${counts} · ${count(result.scenarios.length, 'scenario')} in ${formatDuration(result.duration_ms)}`,
  ];
  const dir = displayPath(reportDir);
  if (files === undefined) lines.push(`  Reports in ${dir}`);
  else if (files.length > 0) lines.push(`  Reports in ${dir}: ${files.join(', ')}`);
  const verdict = describeVerdict(result);
  lines.push('', style.bold((verdict.passed ? style.green : style.red)(verdict.text)));
  return `${lines.join('\n')}\n`;
}

function displayPath(dir: string): string {
  const rel = relative(process.cwd(), resolve(dir));
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(dir) : rel;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function clean(text: string): string {
  return showControlChars(text);
}
