import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildPact, collectInteractions, collectMessages } from './build-pact.ts';
import { interactionFromEntry } from './recorded-interaction.ts';
import { entry, flow2Run, greenRun } from './test-support/journal-fixture.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'nox-pact-'));

/** The pact without the parts that change with Pact's version. */
function normalised(file: string): unknown {
  const pact = JSON.parse(readFileSync(file, 'utf8'));
  delete pact.metadata;
  return pact;
}

describe('building a pact from a run', () => {
  test('keeps one interaction per call shape and status, from passing scenarios, without faults', () => {
    const descriptions = collectInteractions(greenRun()).map((i) => i.description);
    expect(descriptions).toEqual([
      'GET /v1/devices with query user_id answers 200',
      'PATCH /v1/devices/settings with body room, user_id answers 204',
      'POST /v2/supplier/link-sessions with body asset_type, language, redirect_url, user_id answers 201',
      'POST /v2/supplier/link-sessions with body asset_type, language, redirect_url, user_id answers 400',
      'POST /v2/supplier/link-sessions with body asset_type, language, redirect_url, user_id with a wrong API key answers 401',
      'POST /v2/supplier/link-sessions with body redirect_url answers 400',
    ]);
  });

  test('records a wrong key as the journal has it (redacted to its first characters), with no key injected', () => {
    const interaction = interactionFromEntry(
      entry('POST', '/v2/supplier/link-sessions', 401, { key: 'wron...(redacted)', body: {} }),
      'Volt',
      's',
    );
    expect(interaction?.request.headers['x-api-key']).toBe('wron...(redacted)');
    expect(interaction?.injected.header).toBe(false);
    expect(interaction?.response.status).toBe(401);
  });

  test("leaves out a next page's read and the first page's cursor: both depend on the recorded run", () => {
    const page = { data: [{ device_id: 'd1' }], meta: { energy_supplier: 'Volt', next_token: 'abc' } };
    const first = interactionFromEntry(
      entry('GET', '/v1/devices', 200, { query: { user_id: 'u1' }, response: page }),
      'Volt',
      's',
    );
    expect(first?.response.body).toEqual({ data: [{ device_id: 'd1' }], meta: { energy_supplier: 'Volt' } });
    const next = entry('GET', '/v1/devices', 200, {
      query: { user_id: 'u1', next_token: 'abc' },
      response: page,
    });
    expect(interactionFromEntry(next, 'Volt', 's')).toBeNull();
    const last = { ...page, meta: { energy_supplier: 'Volt', next_token: null } };
    const only = entry('GET', '/v1/devices', 200, { query: { user_id: 'u1' }, response: last });
    expect(interactionFromEntry(only, 'Volt', 's')?.response.body).toEqual(last);
  });

  test('the customer state is what the call recorded: the listed asset type and row count, 0 for an empty list', () => {
    const read = (path: string, data: unknown[]) =>
      interactionFromEntry(
        entry('GET', path, 200, { query: { user_id: 'u1' }, response: { data, meta: {} } }),
        'Volt',
        's',
      );
    const states = (path: string, data: unknown[]) => {
      const i = read(path, data);
      return [i?.description, i?.states[1]?.params];
    };
    const two = [{ device_id: 'd1' }, { device_id: 'd2' }];
    expect(states('/v1/devices/pv', [])).toEqual([
      'GET /v1/devices/pv with query user_id answers 200 with an empty list',
      { count: 0, asset_type: 'pv' },
    ]);
    expect(states('/v1/devices', [])).toEqual([
      'GET /v1/devices with query user_id answers 200 with an empty list',
      { count: 0, asset_type: 'hp' },
    ]);
    expect(states('/v1/devices/pv', two)[1]).toEqual({ count: 2, asset_type: 'pv' });
    expect(states('/v1/devices/settings', two)[1]).toEqual({ count: 2, asset_type: 'hp' });
    // Not a device list: one device of the type the path is about, whatever its rows.
    expect(states('/v1/devices/pv/schedule', two)[1]).toEqual({ count: 1, asset_type: 'pv' });
    expect(states('/v1/device/thermal-control/schedule', two)[1]).toEqual({ count: 1, asset_type: 'hp' });
  });

  test('a call made in several scenarios is recorded from the scenario whose name sorts first, whatever the order', () => {
    const read = (deviceId: string) =>
      entry('GET', '/v1/devices', 200, {
        query: { user_id: 'u1' },
        response: { data: [{ device_id: deviceId }], meta: {} },
      });
    const scenario = (name: string, deviceId: string) => ({
      name,
      status: 'passed',
      journal: [read(deviceId)],
    });
    const run = {
      supplier: 'Volt',
      exit_code: 0,
      scenarios: [scenario('pre-selects', 'd-late'), scenario('connects', 'd-first')],
    };
    const [kept] = collectInteractions(run);
    expect(kept?.scenarios).toEqual(['connects', 'pre-selects']);
    expect(kept?.response.body).toMatchObject({ data: [{ device_id: 'd-first' }] });
    expect(collectInteractions({ ...run, scenarios: [...run.scenarios].reverse() })).toEqual([kept]);
  });

  test("records a bad body as it was sent, with NOX's 400", () => {
    const bad = { redirect_url: 'http://127.0.0.1:1/cb' };
    const interaction = interactionFromEntry(
      entry('POST', '/v2/supplier/link-sessions', 400, {
        body: bad,
        response: { error: 'user_id is required and must be a string' },
      }),
      'Volt',
      's',
    );
    expect(interaction?.request.body).toEqual(bad);
    expect(interaction?.response).toMatchObject({
      status: 400,
      body: { error: 'user_id is required and must be a string' },
    });
  });

  test('writes nothing from a red run', async () => {
    const dir = tempDir();
    const result = await buildPact({ ...greenRun(), exit_code: 1 }, dir);
    expect(result).toEqual({ reason: 'the run failed, and a pact is only written from a green run' });
  });

  test('writes a Pact V4 file whose shape is pinned by a golden file', async () => {
    const { file } = await buildPact(greenRun(), tempDir());
    const pact = normalised(file ?? '');
    expect(pact).toMatchObject({ consumer: { name: 'Volt Energy' }, provider: { name: 'nox-energy' } });
    // Update deliberately with: npx vitest run contracts -u
    await expect(`${JSON.stringify(pact, null, 2)}\n`).toMatchFileSnapshot(
      'golden/volt-energy-nox-energy.json',
    );
  });

  test('a POST /post-login-redirect gets the supplier-auth session its answer met, and the key where it was sent', () => {
    const confirm = (status: number) =>
      interactionFromEntry(
        entry('POST', '/post-login-redirect', status, { body: { state: 's', user_id: 'u' } }),
        'Volt',
        's',
      );
    const sessions = [200, 409, 410, 404, 400].map((status) => confirm(status)?.states.map((s) => s.params));
    expect(sessions).toEqual([
      [{ supplier: 'Volt' }, { session: 'pending' }],
      [{ supplier: 'Volt' }, { session: 'confirmed for another user' }],
      [{ supplier: 'Volt' }, { session: 'expired' }],
      [{ supplier: 'Volt' }],
      [{ supplier: 'Volt' }],
    ]);
    expect(confirm(200)?.injected.body).toEqual(['state']);
    expect(confirm(404)?.injected.body).toEqual([]);
    const keyInAuthorization = entry('POST', '/post-login-redirect', 200, { key: null, body: {} });
    keyInAuthorization.request.headers = { authorization: 'ApiKey n...(redacted)' };
    expect(interactionFromEntry(keyInAuthorization, 'Volt', 's')?.request.headers).toEqual({
      authorization: 'ApiKey n...(redacted)',
    });
  });

  test('keeps one message per webhook event type the supplier acknowledged', () => {
    const messages = collectMessages(flow2Run());
    expect(messages.map((m) => [m.description, m.states.at(-1)?.params])).toEqual([
      [
        'a webhook event device.settings.room.preferred_temperature.updated',
        { event_type: 'device.settings.room.preferred_temperature.updated', previous_value: 21, value: 22.5 },
      ],
      [
        'a webhook event device.steerable_status.being_steered.updated',
        { event_type: 'device.steerable_status.being_steered.updated', previous_value: false, value: true },
      ],
    ]);
  });

  test("writes flow 2's POST /post-login-redirect and webhook messages, pinned by a golden file", async () => {
    const { file } = await buildPact(flow2Run(), tempDir());
    // Update deliberately with: npx vitest run contracts -u
    await expect(`${JSON.stringify(normalised(file ?? ''), null, 2)}\n`).toMatchFileSnapshot(
      'golden/volt-energy-flow-2.json',
    );
  });
});
