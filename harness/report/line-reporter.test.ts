import { describe, expect, test } from 'vitest';
import { createLineReporter } from './line-reporter.ts';
import type { ScenarioResult } from './run-result.ts';
import { feed } from './test-support/feed-reporter.ts';
import { createRunWithFlakyFixture } from './test-support/retried-scenarios-fixture.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';

function runThrough(tty: boolean): string {
  let out = '';
  feed(
    createLineReporter({ write: (text) => (out += text), color: false, tty }),
    createRunWithFlakyFixture(),
  );
  return out;
}

describe('line reporter', () => {
  test('on a terminal, rewrites one line with the counter and the running scenario', () => {
    let out = '';
    const reporter = createLineReporter({ write: (text) => (out += text), color: false, tty: true });
    const [first, second] = createRunResultFixture().scenarios as ScenarioResult[];
    reporter.onRunStart?.({ supplier: 'Acme', total: 2, workers: 1 });
    reporter.onScenarioStart?.(first as ScenarioResult);
    expect(out.endsWith(`\r\u001b[2K[0/2] ${first?.name}`)).toBe(true);
    reporter.onScenarioEnd?.(first as ScenarioResult);
    reporter.onScenarioStart?.(second as ScenarioResult);
    expect(out.endsWith(`\r\u001b[2K[1/2] ${second?.name}`)).toBe(true);
    expect(out).not.toContain(`✓ ${first?.name}`);
  });

  test('prints failures and flaky scenarios above the line as they end, then the summary', () => {
    const out = runThrough(true);
    expect(out).toContain(
      '\r\u001b[2K  ✗ [required] shows an error when the user cancels at the manufacturer',
    );
    expect(out).toContain('      expected  the supplier\'s "failed" page\n');
    expect(out).toContain('  ✓ fetches the devices after the callback (1.2 s, 2 attempts) flaky\n');
    expect(out).not.toContain('✓ completes the link');
    expect(out).toContain('\r\u001b[2K\n  2 passed (1 flaky), 2 failed');
  });

  test('says what starts before the scenarios run', () => {
    const out = runThrough(true);
    expect(out).toContain('starting your app: waiting for http://127.0.0.1:3000/health (up to 20 s)\n');
    expect(out).toContain('launching Chromium…\n');
  });

  test('writes plain lines, one per scenario as it starts, when the output is not a terminal', () => {
    const out = runThrough(false);
    expect(out).not.toContain('\r');
    expect(out).toContain('\n[1/5] completes the link and shows the connected page\n');
    expect(out).toContain('\n[5/5] fetches the devices after the callback\n');
  });
});
