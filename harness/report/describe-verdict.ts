import type { RunResult } from './run-result.ts';

/** The run's verdict in one line, e.g. "FAILED: 2 required scenarios failed" or "PASSED (1 advisory warning)". */
export function describeVerdict(
  result: Pick<RunResult, 'counts' | 'strict' | 'exit_code' | 'interrupted' | 'error'>,
): {
  passed: boolean;
  text: string;
} {
  if (result.error) return { passed: false, text: `ERROR: no scenario ran [${result.error.code}]` };
  const { requiredFailed, advisoryFailed, skipped, passed, failed, notRun = 0 } = result.counts;
  if (result.interrupted) {
    const left = notRun > 0 ? `, ${notRun} not run` : '';
    return {
      passed: false,
      text: `STOPPED before every scenario ran (${passed} passed, ${failed} failed so far${left})`,
    };
  }
  if (result.exit_code !== 0) {
    const advisoryFails = result.strict && advisoryFailed > 0;
    const failing = [
      requiredFailed > 0 && `${requiredFailed} required`,
      advisoryFails && `${advisoryFailed} advisory`,
    ];
    const total = requiredFailed + (advisoryFails ? advisoryFailed : 0);
    const notes = [
      advisoryFails ? '--strict' : plural(advisoryFailed, 'advisory warning'),
      skippedNote(skipped),
    ];
    const what =
      total > 0
        ? `: ${failing.filter(Boolean).join(' and ')} ${total === 1 ? 'scenario' : 'scenarios'} failed`
        : '';
    return { passed: false, text: `FAILED${what}${parenthesised(notes)}` };
  }
  if (passed + failed + skipped === 0) return { passed: true, text: 'PASSED (no scenarios ran)' };
  return {
    passed: true,
    text: `PASSED${parenthesised([plural(advisoryFailed, 'advisory warning'), skippedNote(skipped)])}`,
  };
}

function plural(n: number, noun: string): string {
  return n === 0 ? '' : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function skippedNote(skipped: number): string {
  return skipped === 0 ? '' : `${skipped} skipped`;
}

function parenthesised(notes: string[]): string {
  const present = notes.filter(Boolean);
  return present.length === 0 ? '' : ` (${present.join(', ')})`;
}
