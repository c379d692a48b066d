import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { ConsoleReporterOptions } from './console-output.ts';
import { createListReporter } from './list-reporter.ts';
import type { RunResult, ScenarioResult } from './run-result.ts';
import { feed } from './test-support/feed-reporter.ts';
import { createRunWithFlakyFixture } from './test-support/retried-scenarios-fixture.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';

// Golden files: after a deliberate change to the output, review and accept it with
//   npx vitest run harness/report -u
// (vitest rewrites golden/*; a missing golden file is written on the first run, except with CI=1).

const reportDir = '.nox-testkit/report';

function runThrough(result: RunResult, options: ConsoleReporterOptions = {}): string {
  let out = '';
  feed(createListReporter({ write: (text) => (out += text), color: false, tty: false, ...options }), result);
  return out.replace(/\(\d+ ms\)/g, '(0 ms)');
}

describe('list reporter', () => {
  test('says what starts, numbers each scenario, explains failures, marks flaky ones and ends with the verdict', async () => {
    const out = runThrough(createRunWithFlakyFixture(), {
      reportFiles: ['index.html', 'junit.xml', 'results.json'],
    });
    await expect(out).toMatchFileSnapshot('golden/list.txt');
  });

  test('prints a scenario the moment it ends, with its counter, not at the end of the run', () => {
    let out = '';
    const reporter = createListReporter({ write: (text) => (out += text), color: false, tty: false });
    reporter.onRunStart?.({ supplier: 'Acme', total: 4, workers: 1 });
    out = '';
    reporter.onScenarioEnd?.(createRunResultFixture().scenarios[0] as ScenarioResult);
    expect(out).toBe('  [1/4] ✓ completes the link and shows the connected page (1.8 s)\n');
  });

  test('names the mock it uses when the user gave one, without a starting line', () => {
    let out = '';
    const reporter = createListReporter({ write: (text) => (out += text), color: false, tty: false });
    reporter.onPhase?.({ what: 'mock', state: 'ready', detail: 'using the mock at http://nox.test:4400' });
    expect(out).toBe('using the mock at http://nox.test:4400\n');
  });

  test('names the shard in the header', () => {
    let out = '';
    const reporter = createListReporter({ write: (text) => (out += text), color: false, tty: false });
    reporter.onRunStart?.({ supplier: 'Acme', total: 3, workers: 2, shard: { index: 2, count: 3 } });
    expect(out).toContain('Running 3 scenarios against Acme with 2 workers, shard 2/3\n');
  });

  test('shows the running scenarios on the last line of a terminal, and clears it before the summary', () => {
    let out = '';
    const reporter = createListReporter({ write: (text) => (out += text), color: false, tty: true });
    const [first, second] = createRunResultFixture().scenarios as ScenarioResult[];
    reporter.onRunStart?.({ supplier: 'Acme', total: 2, workers: 2 });
    reporter.onScenarioStart?.(first as ScenarioResult);
    reporter.onScenarioStart?.(second as ScenarioResult);
    expect(out.endsWith(`\r\u001b[2K  running: ${second?.name} (+1 more)`)).toBe(true);
    reporter.onScenarioEnd?.(first as ScenarioResult);
    expect(out).toContain(`\r\u001b[2K  [1/2] ✓ ${first?.name}`);
    expect(out.endsWith(`\r\u001b[2K  running: ${second?.name}`)).toBe(true);
    reporter.onScenarioEnd?.(second as ScenarioResult);
    reporter.onRunEnd(createRunResultFixture(), reportDir);
    expect(out).toContain('\r\u001b[2K\n  1 passed');
  });

  test('never rewrites lines when the output is not a terminal', () => {
    expect(runThrough(createRunWithFlakyFixture())).not.toContain('\r');
  });

  test('colours the marks and the verdict only when asked', () => {
    const result = createRunResultFixture();
    expect(runThrough(result, { color: true })).toContain('\u001b[32m✓\u001b[39m');
    expect(runThrough(result, { color: true })).toContain('\u001b[31mFAILED');
    expect(runThrough(result, { color: false })).not.toContain('\u001b[');
  });

  test('shows control characters from the page as text instead of sending them to the terminal', () => {
    const out = runThrough(createRunResultFixture());
    expect(out).toContain('waiting for the text "\\u001b[1mTry again"');
    expect(out).not.toContain('\u001b');
  });

  test('names only the report folder when it is not told which files were written', () => {
    expect(runThrough(createRunResultFixture())).toContain('\n  Reports in .nox-testkit/report\n');
  });

  test('passes with a warning when only an advisory scenario failed, and fails with --strict', () => {
    const scenarios = createRunResultFixture().scenarios.filter((s) => s.severity === 'advisory');
    expect(runThrough(createRunResultFixture({ scenarios })).trimEnd()).toMatch(
      /\nPASSED \(1 advisory warning\)$/,
    );
    expect(runThrough(createRunResultFixture({ scenarios, strict: true })).trimEnd()).toMatch(
      /\nFAILED: 1 advisory scenario failed \(--strict\)$/,
    );
  });

  test('colours by default when FORCE_COLOR is set, and not when NO_COLOR is', () => {
    const script = `import { createListReporter } from ${JSON.stringify(`${import.meta.dirname}/list-reporter.ts`)};
      createListReporter({ tty: false }).onRunEnd({ supplier: 'A', started_at: '', duration_ms: 0, strict: false,
        scenarios: [], counts: { passed: 0, failed: 0, skipped: 0, requiredFailed: 0, advisoryFailed: 0 }, exit_code: 0 }, '.');`;
    const run = (env: Record<string, string>) => {
      const { NO_COLOR, FORCE_COLOR, ...rest } = process.env;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...rest, ...env },
        encoding: 'utf8',
      });
      return child.stdout + child.stderr;
    };
    expect(run({ FORCE_COLOR: '1' })).toContain('\u001b[32mPASSED');
    const plain = run({ FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(plain).toContain('\nPASSED (no scenarios ran)');
    expect(plain).not.toContain('\u001b[');
  });
});
