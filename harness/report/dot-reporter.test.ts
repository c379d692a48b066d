import { describe, expect, test } from 'vitest';
import { createDotReporter } from './dot-reporter.ts';
import type { ScenarioResult } from './run-result.ts';
import { feed } from './test-support/feed-reporter.ts';
import { createRunWithFlakyFixture } from './test-support/retried-scenarios-fixture.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';

function runThrough(tty: boolean): string {
  let out = '';
  feed(createDotReporter({ write: (text) => (out += text), color: false, tty }), createRunWithFlakyFixture());
  return out;
}

describe('dot reporter', () => {
  test('writes one character per scenario, then the failures and flaky ones explained, then the summary', () => {
    const out = runThrough(false);
    expect(out).toContain('with 2 workers\n\n·Fw°±\n\n  ✗ [required] shows an error');
    expect(out).toContain('  ✓ fetches the devices after the callback (1.2 s, 2 attempts) flaky\n');
    expect(out).toContain('      attempt 1 TIMEOUT: The scenario did not finish within 30 s');
    expect(out).not.toContain('completes the link');
    expect(out).not.toContain('\r');
    expect(out).toContain('\n  2 passed (1 flaky), 2 failed');
  });

  test('starts a new row after 80 scenarios', () => {
    let out = '';
    const reporter = createDotReporter({ write: (text) => (out += text), color: false, tty: false });
    const passed = createRunResultFixture().scenarios[0] as ScenarioResult;
    for (let i = 0; i < 81; i++) reporter.onScenarioEnd?.(passed);
    expect(out).toBe(`${'·'.repeat(80)}\n·`);
  });

  test('on a terminal, shows the running scenario after the dots', () => {
    let out = '';
    const reporter = createDotReporter({ write: (text) => (out += text), color: false, tty: true });
    const [first, second] = createRunResultFixture().scenarios as ScenarioResult[];
    reporter.onScenarioStart?.(first as ScenarioResult);
    reporter.onScenarioEnd?.(first as ScenarioResult);
    reporter.onScenarioStart?.(second as ScenarioResult);
    expect(out.endsWith(`\r\u001b[2K·  ${second?.name}`)).toBe(true);
    reporter.onRunEnd(createRunResultFixture(), '.');
    expect(out).toContain(`\r\u001b[2K·  ${second?.name}\r\u001b[2K·\n`);
  });
});
