import { describe, expect, test } from 'vitest';
import { createReporterMultiplexer, withReportFailures } from './reporter-multiplexer.ts';
import type { Reporter } from './run-result.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';

/** A reporter that writes down every event it is told, as a file reporter would write its file. */
function recording(name: string) {
  const seen: string[] = [];
  const reporter: Reporter = {
    name,
    onRunStart: () => void seen.push('start'),
    onScenarioEnd: (r) => void seen.push(`scenario ${r.id}`),
    onRunEnd: async () => void seen.push('end'),
  };
  return { reporter, seen };
}

const throwing: Reporter = {
  name: 'broken',
  onScenarioEnd: () => {
    throw new Error('disk full');
  },
  onRunEnd: async () => {
    throw new Error('cannot write broken.xml');
  },
};

describe('the reporter multiplexer', () => {
  test('reports a throwing reporter on stderr by name and event, and the others still write', async () => {
    const first = recording('html');
    const last = recording('console');
    const stderr: string[] = [];
    const reporters = createReporterMultiplexer([first.reporter, throwing, last.reporter], {
      write: (text) => void stderr.push(text),
    });
    const result = createRunResultFixture();
    const scenario = result.scenarios[0];
    if (!scenario) throw new Error('the fixture has no scenario');
    reporters.onRunStart({ supplier: result.supplier, total: 1, workers: 1 });
    reporters.onScenarioEnd(scenario);
    await reporters.onRunEnd(result, '/tmp/reports');

    const expected = ['start', `scenario ${scenario.id}`, 'end'];
    expect(first.seen).toEqual(expected);
    expect(last.seen).toEqual(expected);
    expect(reporters.failures).toEqual([
      { reporter: 'broken', event: 'onScenarioEnd', message: 'disk full' },
      { reporter: 'broken', event: 'onRunEnd', message: 'cannot write broken.xml' },
    ]);
    expect(stderr.slice(0, 2)).toEqual([
      '[nox-testkit] the broken reporter failed on onScenarioEnd: disk full\n',
      '[nox-testkit] the broken reporter failed on onRunEnd: cannot write broken.xml\n',
    ]);
    expect(stderr[2]).toContain('Some reports may be incomplete (failed: broken)');
  });

  test('names a reporter without a name by its place', async () => {
    const stderr: string[] = [];
    const reporters = createReporterMultiplexer(
      [
        recording('json').reporter,
        {
          onRunEnd: () => {
            throw new Error('boom');
          },
        },
      ],
      { write: (text) => void stderr.push(text) },
    );
    await reporters.onRunEnd(createRunResultFixture(), '/tmp/reports');
    expect(stderr[0]).toBe('[nox-testkit] the reporter 2 reporter failed on onRunEnd: boom\n');
  });

  test('a passing run whose report failed exits with 3; a failing run keeps its verdict', () => {
    const failure = { reporter: 'junit', event: 'onRunEnd' as const, message: 'EACCES' };
    const passed = createRunResultFixture({ exit_code: 0 });
    expect(withReportFailures(passed, [])).toBe(passed);
    expect(withReportFailures(passed, [failure])).toMatchObject({ exit_code: 3, report_failures: [failure] });
    const failed = createRunResultFixture({ exit_code: 1 });
    expect(withReportFailures(failed, [failure])).toMatchObject({ exit_code: 1, report_failures: [failure] });
  });
});
