import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalEntry } from '../../../openapi/wire-types.ts';
import { type RunResult, type ScenarioResult, summarise } from '../run-result.ts';
import { createRunResultFixture, writeFixtureScreenshots } from './run-result-fixture.ts';

/** PNGs of different widths (2 and 3 px), so a test can tell which attempt's screenshot is shown. */
export const attemptPngs = {
  first: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGM4YiR/xEgeAAjkAiu9Bs10AAAAAElFTkSuQmCC',
    'base64',
  ),
  last: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAMAAAABCAIAAACUgoPjAAAADUlEQVR4nGMQaoiBIAANHgLLn0EBZwAAAABJRU5ErkJggg==',
    'base64',
  ),
};

/** A callback URL and token with no place to break, as NOX's base64url `data` parameter is. */
export const longToken = 'eyJub3hfdXNlcl9pZCI6IjJlMjZiNjgzLWY4MTctNGMyMC1hZjcxLTgwNjhiNmNmY2FjYiJ9'.repeat(
  12,
);
export const longCallback = `https://supplier.example/nox/callback?data=${longToken}`;

/** The screenshots of createRunResultFixture and of both attempts of the retried scenarios. */
export async function writeRetriedRunScreenshots(reportDir: string): Promise<void> {
  await writeFixtureScreenshots(reportDir);
  await writeFile(join(reportDir, 'screenshots/callback-refused-01.png'), attemptPngs.first);
  await writeFile(join(reportDir, 'screenshots/callback-refused-02.png'), attemptPngs.last);
  await writeFile(join(reportDir, 'screenshots/token refresh #1.png'), attemptPngs.last);
}

function callbackCall(id: number): JournalEntry {
  return {
    id,
    at: 1_748_856_700 + id,
    organisation_id: 'org_fixture',
    area: 'data',
    request: {
      method: 'GET',
      path: '/v1/devices',
      query: { user_id: longToken },
      headers: { 'x-api-key': 'key_fixture', referer: longCallback },
      body: null,
    },
    response: {
      status: 401,
      headers: { location: longCallback },
      body: { error: 'unknown user', token: longToken },
    },
    duration_ms: 3.1,
  };
}

const retried: ScenarioResult[] = [
  {
    id: 'callback-refused',
    name: 'refuses a callback that names another customer',
    rule: 'The supplier checks that the callback is for the customer who started the link.',
    docs: 'https://docs.nox.energy/linking#callback',
    severity: 'required',
    flow: 'supplier-app',
    tags: ['linking', 'security'],
    status: 'failed',
    failure: {
      code: 'EXPECTATION_FAILED',
      message: 'showed connected',
      expected: 'a failure page',
      actual: `the supplier showed "connected" at ${longCallback}`,
    },
    duration_ms: 2100,
    attempts: 2,
    previous_attempts: [
      {
        attempt: 1,
        status: 'failed',
        failure: { code: 'TIMEOUT', message: 'Timed out after 30 s waiting for the failed page' },
        duration_ms: 30_004,
        steps: [
          {
            name: 'open the forged callback',
            status: 'failed',
            duration_ms: 30_000,
            screenshot: 'screenshots/callback-refused-01.png',
          },
        ],
        journal: [],
      },
    ],
    steps: [
      {
        name: `open ${longCallback}`,
        status: 'failed',
        duration_ms: 900,
        screenshot: 'screenshots/callback-refused-02.png',
      },
    ],
    journal: [callbackCall(1)],
  },
  {
    id: 'token-refresh',
    name: 'refreshes the token when NOX answers slowly',
    rule: 'A slow answer from NOX is waited for, not treated as a failure.',
    severity: 'advisory',
    flow: 'supplier-app',
    tags: ['resilience'],
    status: 'passed',
    flaky: true,
    duration_ms: 1200,
    attempts: 2,
    previous_attempts: [
      {
        attempt: 1,
        status: 'failed',
        failure: { code: 'SCENARIO_ERROR', message: 'socket hang up while reading the devices' },
        duration_ms: 800,
        steps: [],
        journal: [],
      },
    ],
    steps: [
      {
        name: 'see the connected page',
        status: 'passed',
        duration_ms: 300,
        screenshot: 'screenshots/token refresh #1.png',
      },
    ],
    journal: [],
  },
];

/** createRunResultFixture plus a scenario that failed twice (long URLs in its evidence) and a flaky one. */
export function createRetriedRunFixture(): RunResult {
  const scenarios = [...createRunResultFixture().scenarios, ...structuredClone(retried)];
  return createRunResultFixture({ scenarios, ...summarise(scenarios, false) });
}
