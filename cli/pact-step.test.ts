import { describe, expect, test, vi } from 'vitest';
import { PACT_WRITE_FAILED_EXIT, runPactStep } from './pact-step.ts';

describe('the pact step', () => {
  test("a failing pact write is the harness's own error (exit 3), not a red verdict", async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exit = await runPactStep(async () => {
      throw new Error('The following request was expected but not received');
    }, 0);
    expect(exit).toBe(PACT_WRITE_FAILED_EXIT);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('[PACT_WRITE_FAILED]');
    stderr.mockRestore();
  });

  test('leaves a red verdict red and a written pact green', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runPactStep(() => Promise.reject(new Error('x')), 1)).toBe(1);
    stderr.mockRestore();
    expect(await runPactStep(async () => undefined, 0)).toBe(0);
  });
});
