import { describe, expect, test } from 'vitest';
import { shouldUseColor } from './ansi-style.ts';
import { type ConsoleReporterOptions, createConsoleReporter } from './console-reporter.ts';
import type { RunResult } from './run-result.ts';
import { createRunResultFixture } from './testing/run-result-fixture.ts';

// Golden files: after a deliberate change to the output, review and accept it with
//   npx vitest run harness/report -u
// (vitest rewrites golden/*; a missing golden file is written on the first run, except with CI=1).

const reportDir = '.nox-testkit/report';

function runThrough(result: RunResult, options: ConsoleReporterOptions = {}): string {
  let out = '';
  const reporter = createConsoleReporter({ write: (text) => (out += text), color: false, ...options });
  reporter.onRunStart?.({ supplier: result.supplier, total: result.scenarios.length, workers: 2 });
  for (const scenario of result.scenarios) reporter.onScenarioEnd?.(scenario);
  reporter.onRunEnd(result, reportDir);
  return out;
}

describe('console reporter', () => {
  test('prints a line per scenario, explains each failure and ends with a summary and the verdict', async () => {
    const out = runThrough(createRunResultFixture(), {
      reportFiles: ['index.html', 'junit.xml', 'results.json'],
    });
    await expect(out).toMatchFileSnapshot('golden/console.txt');
  });

  test('prints a scenario the moment it ends, not at the end of the run', () => {
    let out = '';
    const reporter = createConsoleReporter({ write: (text) => (out += text), color: false });
    const [first] = createRunResultFixture().scenarios;
    reporter.onScenarioEnd?.(first as RunResult['scenarios'][number]);
    expect(out).toBe('  ✓ completes the link and shows the connected page (1.8 s)\n');
  });

  test('colours the marks and the verdict only when asked', () => {
    const result = createRunResultFixture();
    expect(runThrough(result, { color: true })).toContain('\u001b[32m✓\u001b[0m');
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

  test('colours by default on a terminal, unless NO_COLOR is set', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
  });
});
