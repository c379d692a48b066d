import type { Colors } from './console-output.ts';
import { formatDuration } from './format-duration.ts';
import type { ScenarioFailure, ScenarioResult } from './run-result.ts';
import { showControlChars } from './show-control-chars.ts';

/** A scenario's line as it ends: its mark, name and time, `[n/N]` first when a counter is given, flaky marked. */
export function scenarioLine(result: ScenarioResult, colors: Colors, counter?: string): string {
  const timing = [formatDuration(result.duration_ms), result.attempts > 1 && `${result.attempts} attempts`];
  const time = colors.dim(`(${timing.filter(Boolean).join(', ')})`);
  const name = showControlChars(result.name);
  const head = `  ${counter ? `${colors.dim(counter)} ` : ''}`;
  if (result.status === 'passed') {
    return `${head}${colors.green('✓')} ${name} ${time}${result.flaky ? ` ${colors.yellow('flaky')}` : ''}\n`;
  }
  if (result.status === 'skipped' || result.status === 'not_run')
    return `${head}${colors.yellow('–')} ${name} ${colors.dim(result.status === 'skipped' ? '(skipped)' : '(not run)')}\n`;
  const tag = result.severity === 'required' ? colors.red('[required]') : colors.yellow('[advisory]');
  return `${head}${colors.red('✗')} ${tag} ${name} ${time}\n`;
}

/** What a person needs under the line: why it failed or was skipped, and each earlier attempt's failure. */
export function scenarioDetails(result: ScenarioResult, colors: Colors): string {
  const earlier = (result.previous_attempts ?? [])
    .map((a) => detail(`attempt ${a.attempt}`, oneLine(a.failure), colors))
    .join('');
  if (result.status === 'skipped' || result.status === 'not_run')
    return detail('reason', result.reason ?? 'no reason given', colors);
  if (result.status === 'passed') return earlier;
  const failure = result.failure ?? unknownFailure;
  const explained =
    failure.expected !== undefined
      ? detail('expected', failure.expected, colors) +
        detail('actual', failure.actual ?? '(not recorded)', colors)
      : detail('error', `${failure.code}: ${failure.message}`, colors) +
        (failure.code_frame ? detail('', failure.code_frame, colors) : '');
  const docs = failure.docs ?? result.docs;
  const rule = detail('rule', failure.rule ?? result.rule, colors);
  const trace = result.show_trace ? detail('trace', result.show_trace, colors) : '';
  return `${earlier}${explained}${rule}${docs ? detail('', docs, colors) : ''}${trace}`;
}

const unknownFailure: ScenarioFailure = { code: 'UNKNOWN', message: 'failed without a recorded reason' };

function oneLine(failure: ScenarioFailure | undefined): string {
  const f = failure ?? unknownFailure;
  return `${f.code}: ${f.message.split(/\r?\n/)[0]}`;
}

// A label column, so multi-line values stay aligned under the first line.
function detail(label: string, value: string, colors: Colors): string {
  const [first, ...rest] = showControlChars(value).split(/\r?\n/);
  const indent = ' '.repeat(16);
  const lines = [`      ${colors.dim(label.padEnd(10))}${first}`, ...rest.map((line) => indent + line)];
  return lines.map((line) => `${line}\n`).join('');
}
