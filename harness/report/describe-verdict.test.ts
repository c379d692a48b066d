import { describe, expect, test } from 'vitest';
import { describeVerdict } from './describe-verdict.ts';

const run = (strict: boolean, exit_code: number, c: Partial<Record<string, number>>) => ({
  strict,
  exit_code,
  counts: { passed: 0, failed: 0, skipped: 0, requiredFailed: 0, advisoryFailed: 0, ...c },
});

describe('the verdict', () => {
  test.each([
    [run(false, 1, { failed: 2, requiredFailed: 2 }), 'FAILED: 2 required scenarios failed'],
    [
      run(false, 1, { failed: 2, requiredFailed: 1, advisoryFailed: 1, skipped: 1 }),
      'FAILED: 1 required scenario failed (1 advisory warning, 1 skipped)',
    ],
    [run(true, 1, { failed: 1, advisoryFailed: 1 }), 'FAILED: 1 advisory scenario failed (--strict)'],
    [
      run(true, 1, { failed: 3, requiredFailed: 2, advisoryFailed: 1 }),
      'FAILED: 2 required and 1 advisory scenarios failed (--strict)',
    ],
    [run(false, 0, { passed: 3, failed: 2, advisoryFailed: 2 }), 'PASSED (2 advisory warnings)'],
    [run(false, 0, { passed: 3 }), 'PASSED'],
    [run(false, 0, { passed: 3, skipped: 1 }), 'PASSED (1 skipped)'],
    [run(false, 0, {}), 'PASSED (no scenarios ran)'],
  ])('says %j as "%s"', (result, text) => {
    expect(describeVerdict(result)).toEqual({ passed: result.exit_code === 0, text });
  });

  test('says a stopped run was stopped, not that it passed', () => {
    const stopped = { ...run(false, 0, { passed: 2, failed: 1, advisoryFailed: 1 }), interrupted: true };
    expect(describeVerdict(stopped)).toEqual({
      passed: false,
      text: 'STOPPED before every scenario ran (2 passed, 1 failed so far)',
    });
  });

  test('follows the exit code, whatever the counts', () => {
    expect(describeVerdict(run(false, 1, { passed: 3 })).text).toBe('FAILED');
  });
});
