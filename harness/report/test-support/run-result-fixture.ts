import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalEntry } from '../../../openapi/wire-types.ts';
import { type RunResult, type ScenarioResult, summarise } from '../run-result.ts';

/** A 1×1 PNG, for a screenshot the reporters embed. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Writes the one screenshot the fixture has a file for; the failed scenario's second one stays missing. */
export async function writeFixtureScreenshots(reportDir: string): Promise<void> {
  await mkdir(join(reportDir, 'screenshots'), { recursive: true });
  await writeFile(join(reportDir, 'screenshots/link-completes-1.png'), tinyPng);
}

function call(
  id: number,
  method: string,
  path: string,
  status: number,
  body: unknown,
  reply: unknown,
): JournalEntry {
  return {
    id,
    at: 1_748_856_600 + id,
    organisation_id: 'org_fixture',
    area: path.startsWith('/v1/') ? 'data' : 'auth',
    request: { method, path, query: {}, headers: { 'x-api-key': 'key_fixture' }, body },
    response: { status, headers: { 'content-type': 'application/json' }, body: reply },
    duration_ms: 4.2,
  };
}

const scenarios: ScenarioResult[] = [
  {
    id: 'link-completes',
    name: 'completes the link and shows the connected page',
    rule: 'After the callback the supplier fetches the devices of the NOX user the link was for.',
    docs: 'https://docs.nox.energy/linking#callback',
    severity: 'required',
    flow: 'supplier-app',
    tags: ['linking'],
    status: 'passed',
    duration_ms: 1840,
    attempts: 1,
    steps: [
      {
        name: 'start a connection as user u-1',
        status: 'passed',
        duration_ms: 412,
        screenshot: 'screenshots/link-completes-1.png',
      },
      { name: 'see the connected page', status: 'passed', duration_ms: 95 },
    ],
    journal: [
      call(
        1,
        'POST',
        '/auth/v1/link',
        201,
        { supplier_user_id: 'u-1' },
        { url: 'http://127.0.0.1:4400/connect?t=abc' },
      ),
    ],
  },
  {
    id: 'cancel-shows-error',
    name: 'shows an error when the user cancels at the manufacturer',
    rule: 'A cancelled link comes back with status=cancelled; the supplier must not show success.',
    docs: 'https://docs.nox.energy/linking#cancel',
    severity: 'required',
    flow: 'supplier-app',
    tags: ['linking', 'cancel'],
    status: 'failed',
    failure: {
      code: 'EXPECTATION_FAILED',
      message: 'Expected the supplier\'s "failed" page, but the "connected" page was shown.',
      expected: 'the supplier\'s "failed" page',
      actual: 'the "connected" page was shown, saying\n"Your heat pump <Vaillant & co> is connected"',
      rule: 'A cancelled link comes back with status=cancelled; the supplier must not show success.',
      docs: 'https://docs.nox.energy/linking#cancel',
    },
    duration_ms: 3412,
    attempts: 1,
    steps: [
      {
        name: 'start a connection as user u-2',
        status: 'passed',
        duration_ms: 388,
        screenshot: 'screenshots/link-completes-1.png',
      },
      {
        name: 'cancel at the manufacturer',
        status: 'failed',
        duration_ms: 1204,
        screenshot: 'screenshots/cancel-shows-error-2.png',
      },
    ],
    journal: [
      call(
        2,
        'POST',
        '/auth/v1/link',
        201,
        { supplier_user_id: '<script>alert("x")</script>' },
        { url: 'http://127.0.0.1:4400/connect?t=def' },
      ),
      call(3, 'GET', '/v1/devices', 200, null, { devices: [{ name: 'Boiler & <b>pump</b>' }] }),
    ],
  },
  {
    id: 'consumed-link-not-reused',
    name: 'does not reuse a consumed link <twice> & "again"',
    rule: 'A link URL works once; a second use is refused.',
    severity: 'advisory',
    flow: 'supplier-app',
    tags: ['hardening'],
    status: 'failed',
    failure: { code: 'TIMEOUT', message: 'Timed out after 30 s waiting for the text "\u001b[1mTry again"' },
    duration_ms: 30_015,
    attempts: 2,
    steps: [],
    journal: [],
  },
  {
    id: 'shows-stored-devices',
    name: 'shows the stored devices after linking',
    rule: 'The supplier stores the devices NOX returned for its user.',
    severity: 'required',
    flow: 'supplier-app',
    tags: [],
    status: 'skipped',
    reason: 'the adapter has no readBack hook (add supplier.readBack to nox-testkit.config.ts)',
    duration_ms: 0,
    attempts: 0,
    steps: [],
    journal: [],
  },
];

/** A finished run: one scenario passed, one required and one advisory failed, one skipped. */
export function createRunResultFixture(overrides: Partial<RunResult> = {}): RunResult {
  const strict = overrides.strict ?? false;
  const list = overrides.scenarios ?? scenarios;
  return {
    supplier: 'Acme Energy & Co',
    started_at: '2025-06-02T09:30:00.000Z',
    duration_ms: 35_312,
    strict,
    scenarios: list,
    ...summarise(list, strict),
    ...overrides,
  };
}
