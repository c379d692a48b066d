import { isAbsolute, relative, resolve } from 'node:path';
import { type Colors, count } from './console-output.ts';
import { describeVerdict } from './describe-verdict.ts';
import { formatDuration } from './format-duration.ts';
import type { Reporter, RunResult } from './run-result.ts';
import { showControlChars } from './show-control-chars.ts';
import { untestedLines } from './untested-flows.ts';

type RunStart = Parameters<NonNullable<Reporter['onRunStart']>>[0];

/** "Running 4 scenarios against Acme Energy with 2 workers, shard 2/3". */
export function runHeader({ supplier, total, workers, shard }: RunStart): string {
  const part = shard ? `, shard ${shard.index}/${shard.count}` : '';
  return `Running ${count(total, 'scenario')} against ${showControlChars(supplier)} with ${count(workers, 'worker')}${part}\n`;
}

/** The counts, where the reports are, and the verdict. */
export function summaryLines(
  result: RunResult,
  reportDir: string,
  files: string[] | undefined,
  colors: Colors,
): string {
  const { passed, failed, skipped, notRun = 0, flaky = 0, requiredFailed, advisoryFailed } = result.counts;
  const split = failed > 0 ? ` (${requiredFailed} required, ${advisoryFailed} advisory)` : '';
  const counts = [
    colors.green(`${passed} passed`) + (flaky > 0 ? colors.yellow(` (${flaky} flaky)`) : ''),
    (failed > 0 ? colors.red : String)(`${failed} failed${split}`),
    (skipped > 0 ? colors.yellow : String)(`${skipped} skipped`),
    ...(notRun > 0 ? [colors.yellow(`${notRun} not run`)] : []),
  ].join(', ');
  const lines = [
    `\n  ${counts} · ${count(result.scenarios.length, 'scenario')} in ${formatDuration(result.duration_ms)}`,
  ];
  const untested = untestedLines(result);
  for (const flow of untested.flows) lines.push(colors.yellow(`  ${flow}`));
  if (untested.additions.length > 0) lines.push('  To test more:');
  for (const addition of untested.additions) lines.push(`    ${addition}`);
  const dir = displayPath(reportDir);
  if (files === undefined) lines.push(`  Reports in ${dir}`);
  else if (files.length > 0) lines.push(`  Reports in ${dir}: ${files.join(', ')}`);
  if (result.error) lines.push('', colors.red(`  ${showControlChars(result.error.message)}`));
  const verdict = describeVerdict(result);
  lines.push('', colors.bold((verdict.passed ? colors.green : colors.red)(verdict.text)));
  return `${lines.join('\n')}\n`;
}

function displayPath(dir: string): string {
  const rel = relative(process.cwd(), resolve(dir));
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(dir) : rel;
}
