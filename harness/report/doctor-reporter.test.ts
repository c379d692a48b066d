import { describe, expect, test } from 'vitest';
import type { SupplierAdapter } from '../config/define-config.ts';
import { createDoctorReporter } from './doctor-reporter.ts';
import { type RunResult, type ScenarioResult, summarise } from './run-result.ts';
import { feed } from './test-support/feed-reporter.ts';

const hook = async () => null;
const adapter = {
  name: 'Volt Energy',
  start: { command: 'npm start' },
  hooks: { startConnection: hook, readOutcome: hook, changeSettings: hook },
} as unknown as SupplierAdapter;

/** A doctor check's result: its first tag is the hook it checks. */
function check(hookName: string, fields: Partial<ScenarioResult>): ScenarioResult {
  return {
    id: `check-${hookName}`,
    name: `${hookName} works`,
    rule: `${hookName} must do its job.`,
    severity: 'required',
    tags: [hookName],
    flow: 'supplier-app',
    status: 'passed',
    duration_ms: 10,
    attempts: 1,
    steps: [],
    journal: [],
    ...fields,
  };
}

function printed(scenarios: ScenarioResult[]): string {
  const result: RunResult = {
    supplier: 'Volt Energy',
    started_at: '2026-12-07T11:00:00.000Z',
    duration_ms: 100,
    strict: false,
    scenarios,
    ...summarise(scenarios, false),
  };
  let out = '';
  const write = (text: string) => {
    out += text;
  };
  const neededBy = { readBack: 9, changeSettings: 4 };
  feed(
    createDoctorReporter({ adapter, neededBy, docs: 'docs/adapter.md#hooks', write, color: false }),
    result,
  );
  return out;
}

describe('the doctor reporter', () => {
  const saw = { name: 'Saw: the browser reached NOX', status: 'passed' as const, duration_ms: 1 };

  test("cuts a callback's long query values short in what a check saw", () => {
    const data = 'eyJub3hfdXNlcl9pZCI6ImZmY2FjOTc2LTgzMWUtNDU5OS1hMWNlLTZlNjE3NTVhZmU5NyIsInN1cHBsaWVy';
    const long = {
      ...saw,
      name: `Saw: {"status":"connected"} on http://127.0.0.1:3000/cb?data=${data}, then`,
    };
    expect(printed([check('readOutcome', { steps: [long] })])).toContain(
      '  ✓ readOutcome        {"status":"connected"} on http://127.0.0.1:3000/cb?data=eyJub3hfdXNlcl9pZCI6ImZm…, then\n',
    );
  });

  test('per hook: what a passing check saw, a failed one explained with its fix, and the hooks no check calls', () => {
    const out = printed([
      check('startConnection', { steps: [saw] }),
      check('readOutcome', {
        status: 'failed',
        failure: {
          code: 'EXPECTATION_FAILED',
          message: 'Expected …',
          expected: 'the supplier to show "connected" or a failure page',
          actual: 'it showed neither within 10 s',
        },
      }),
      check('readBack', {
        severity: 'advisory',
        status: 'skipped',
        reason: 'the adapter has no readBack hook',
      }),
    ]);
    expect(out).toContain('Checking the hooks of Volt Energy: 3 checks, each hook called once');
    expect(out).toContain('  ✓ startConnection    the browser reached NOX\n');
    expect(out).toContain(
      [
        '  ✗ readOutcome        readOutcome works',
        '                       expected  the supplier to show "connected" or a failure page',
        '                       saw       it showed neither within 10 s',
        '                       fix       readOutcome must do its job.',
      ].join('\n'),
    );
    expect(out).toContain(
      '  – readBack           the adapter has no readBack hook; 9 scenarios of the catalogue need it\n',
    );
    expect(out).toContain(
      '  – changeSettings     given; doctor does not call it (4 scenarios of the catalogue need it)\n',
    );
    expect(out).toContain('  – failNextWebhook    not given: 0 scenarios of the catalogue need it\n');
    expect(out).toContain('The hooks explained: docs/adapter.md#hooks');
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'BROKEN: readOutcome (required). Fix it as said above, then run "npx nox-testkit doctor" again.',
    );
  });

  test('a broken optional hook is shown but the required ones are declared working', () => {
    const out = printed([
      check('startConnection', { steps: [saw] }),
      check('webhookPath', {
        severity: 'advisory',
        status: 'failed',
        failure: { code: 'X', message: 'it answered 200' },
      }),
    ]);
    expect(out).toContain('  ✗ webhookPath        webhookPath works\n');
    expect(out).toContain('saw       it answered 200');
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'The required hooks (startConnection, readOutcome) work; optional hooks broken: webhookPath. Next: "npx nox-testkit run".',
    );
  });
});
