import type { RunResult, ScenarioResult } from '../run-result.ts';
import { createRunResultFixture } from './run-result-fixture.ts';

/** A scenario that failed once, then passed: flaky, with its first attempt's own evidence. */
export const flakyScenario: ScenarioResult = {
  id: 'callback-fetches-devices',
  name: 'fetches the devices after the callback',
  rule: 'After the callback the supplier fetches the devices of the NOX user the link was for.',
  docs: 'https://docs.nox.energy/linking#callback',
  severity: 'required',
  flow: 'supplier-app',
  tags: ['linking'],
  status: 'passed',
  flaky: true,
  duration_ms: 1210,
  attempts: 2,
  steps: [
    {
      name: 'see the connected page',
      status: 'passed',
      duration_ms: 80,
      screenshot: 'screenshots/callback-fetches-devices-01.jpg',
    },
  ],
  journal: [],
  previous_attempts: [
    {
      attempt: 1,
      status: 'failed',
      failure: {
        code: 'TIMEOUT',
        message: 'The scenario did not finish within 30 s & "&nbsp;" stayed on the page',
      },
      duration_ms: 30_004,
      steps: [
        {
          name: 'see the connected page',
          status: 'failed',
          duration_ms: 8000,
          screenshot: 'screenshots/callback-fetches-devices-attempt1-01.jpg',
        },
      ],
      journal: [],
    },
  ],
};

/** A scenario that failed on both of its attempts. */
export const failedTwiceScenario: ScenarioResult = {
  id: 'relink-replaces-devices',
  name: 'replaces the devices when a customer links again',
  rule: 'A second link of the same supplier_user_id replaces the devices.',
  severity: 'advisory',
  flow: 'supplier-app',
  tags: ['relink'],
  status: 'failed',
  failure: { code: 'SCENARIO_ERROR', message: 'second attempt broke' },
  duration_ms: 900,
  attempts: 2,
  steps: [],
  journal: [],
  previous_attempts: [
    {
      attempt: 1,
      status: 'failed',
      failure: { code: 'SCENARIO_ERROR', message: 'first attempt broke' },
      duration_ms: 800,
      steps: [],
      journal: [],
    },
  ],
};

/** A scenario the run was stopped before. */
export const notRunScenario: ScenarioResult = {
  id: 'webhook-retried',
  name: 'acknowledges a webhook',
  rule: 'The receiver answers 2xx.',
  severity: 'required',
  flow: 'supplier-app',
  tags: ['webhooks'],
  status: 'not_run',
  reason: 'the run was stopped before this scenario started',
  duration_ms: 0,
  attempts: 0,
  steps: [],
  journal: [],
};

/** The run fixture with the flaky scenario last. */
export function createRunWithFlakyFixture(): RunResult {
  return createRunResultFixture({ scenarios: [...createRunResultFixture().scenarios, flakyScenario] });
}
