import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { CALLBACK, createFakeTime, linkUser } from '../../test/test-support/test-mock.ts';
import { verifyNoxWebhook } from '../../test/test-support/verify-nox-webhook.ts';
import { type ReceivedWebhook, startWebhookReceiver } from '../../test/test-support/webhook-receiver.ts';
import { RETRY_DELAYS_SECONDS } from '../domain/webhooks/retry-schedule.ts';
import { createApp, openStore } from '../index.ts';

const spec = loadOpenApi('nox-control');
type App = ReturnType<typeof createApp>;
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
// biome-ignore lint/suspicious/noExplicitAny: bodies are read field by field in the assertions
type Json = any;

let app: App;
let time: ReturnType<typeof createFakeTime>;
let receiver: Receiver;
let supplier: Json;
let maker: Json;
let user: Awaited<ReturnType<typeof linkUser>>;

async function createMock(options: { autoDeliver?: boolean } = {}) {
  const store = await openStore({ inMemory: true });
  time = createFakeTime();
  app = createApp({ store, time, webhooks: { autoDeliver: options.autoDeliver ?? false } });
}
const control = () => request(app);
const organisation = async (body: Record<string, unknown>) => {
  const res = await control().post('/__nox/organisations').send(body);
  expect(res.status).toBe(201);
  return res.body;
};
const now = async () => (await control().get('/__nox/clock')).body.now as number;
const patch = (key: string, body: Record<string, unknown>) =>
  request(app)
    .patch('/v1/devices/settings')
    .set('x-api-key', key)
    .send({ user_id: user.nox_user_id, ...body });
const deliverDue = async (body: Record<string, unknown> = {}) => {
  const res = await control().post('/__nox/webhooks/deliver-due').send(body);
  expect(res.status).toBe(200);
  expect(spec.validateResponse('POST', '/__nox/webhooks/deliver-due', 200, res.body)).toEqual([]);
  return res.body;
};
const deliveries = async (query: Record<string, string> = {}) => {
  const res = await control().get('/__nox/webhooks').query(query);
  expect(spec.validateResponse('GET', '/__nox/webhooks', 200, res.body)).toEqual([]);
  return res.body.deliveries as Json[];
};
/** The requests that reached `path`, first and second named (the test asserts how many came). */
const arrived = (path: string) =>
  receiver.at(path) as [ReceivedWebhook, ReceivedWebhook, ...ReceivedWebhook[]];
/** A port nothing listens on: one just given out and closed again (a fixed port may be someone's). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const bodies = (path: string) => receiver.at(path).map((r) => JSON.parse(r.rawBody));
const policies = (organisation_id: string, changes: Record<string, unknown>) =>
  control()
    .put('/__nox/policies')
    .send({ organisation_id, ...changes });

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  await createMock();
  supplier = await organisation({
    kind: 'supplier',
    name: 'Volt Energy',
    redirect_urls: [CALLBACK],
    webhook_url: `${receiver.url}/supplier`,
  });
  maker = await organisation({
    kind: 'manufacturer',
    name: 'Daikin Europe',
    brands: ['daikin'],
    webhook_url: `${receiver.url}/maker`,
  });
  user = await linkUser(app, 'volt_user_1', 'alice', {}, supplier.api_key);
});
afterEach(() => receiver.close());

describe('webhooks of a settings change', () => {
  test("a supplier's change goes to the manufacturer only, one signed event per changed attribute in NOX's shape and key order", async () => {
    expect(
      (
        await patch(supplier.api_key, {
          room: { preferred_temperature: 20 },
          dhw: { temperature_upper_bound: 60 },
        })
      ).status,
    ).toBe(204);
    expect(receiver.received).toHaveLength(0);
    const run = await deliverDue();
    expect(run.attempted).toBe(2);
    expect(receiver.at('/supplier')).toHaveLength(0);
    const [first, second] = arrived('/maker');
    const event = JSON.parse(first.rawBody);
    expect(Object.keys(event)).toEqual(['type', 'timestamp', 'id', 'data', 'metadata']);
    expect(Object.keys(event.data)).toEqual(['value', 'previous_value']);
    expect(Object.keys(event.metadata)).toEqual([
      'device_id',
      'user_id',
      'external_user_id',
      'brand',
      'energy_supplier',
    ]);
    expect(event).toEqual({
      type: 'user.settings.room.preferred_temperature.updated',
      timestamp: '2026-01-01T00:00:00Z',
      id: expect.stringMatching(/^evt_[0-9a-f]{24}$/),
      data: { value: 20, previous_value: 21 },
      metadata: {
        device_id: null,
        user_id: user.nox_user_id,
        external_user_id: 'alice',
        brand: 'Daikin',
        energy_supplier: 'Volt Energy',
      },
    });
    expect(JSON.parse(second.rawBody)).toMatchObject({
      type: 'user.settings.dhw.temperature_upper_bound.updated',
      data: { value: 60, previous_value: 55 },
    });
    expect(first.headers['content-type']).toBe('application/json');
    expect(first.headers['x-webhook-id']).toBe(`${event.id}:${event.type}`);
    expect(first.headers['x-webhook-timestamp']).toBe(String(await now()));
    expect(first.headers['x-webhook-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    for (const r of [first, second])
      expect(verifyNoxWebhook(r.rawBody, r.headers, maker.api_key, await now())).toBe(true);
    expect(verifyNoxWebhook(first.rawBody, first.headers, supplier.api_key, await now())).toBe(false);
    expect(verifyNoxWebhook(`${first.rawBody} `, first.headers, maker.api_key, await now())).toBe(false);
    const listed = await deliveries();
    expect(listed.map((d) => d.status)).toEqual(['delivered', 'delivered']);
    expect(listed[0].event).toEqual(event);
  });

  test('the README snippet is the verifier the tests use, and it refuses a timestamp older than 5 minutes', async () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const snippet = readFileSync(
      join(import.meta.dirname, '..', '..', 'test/test-support/verify-nox-webhook.ts'),
      'utf8',
    );
    expect(
      readme.includes(`\`\`\`ts\n${snippet}\`\`\``),
      'README shows test/test-support/verify-nox-webhook.ts verbatim',
    ).toBe(true);
    await patch(supplier.api_key, { room: { preferred_temperature: 20 } });
    await deliverDue();
    const [got] = arrived('/maker');
    expect(verifyNoxWebhook(got.rawBody, got.headers, maker.api_key, (await now()) + 300)).toBe(true);
    expect(verifyNoxWebhook(got.rawBody, got.headers, maker.api_key, (await now()) + 301)).toBe(false);
  });

  test('a field set to the value it has sends nothing', async () => {
    await patch(supplier.api_key, {
      room: { preferred_temperature: 21 },
      dhw: { temperature_lower_bound: 45 },
    });
    expect((await deliverDue()).attempted).toBe(0);
    expect(await deliveries()).toEqual([]);
  });

  test("a manufacturer's device-level flex_trading change reaches the supplier with its own user id, and as being_steered", async () => {
    const device = user.device_ids[0];
    expect(
      (await patch(maker.api_key, { device_id: device, optimization_settings: { flex_trading: true } }))
        .status,
    ).toBe(204);
    await deliverDue();
    expect(receiver.at('/maker')).toHaveLength(0);
    const events = bodies('/supplier');
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['device.settings.optimization_settings.flex_trading.updated', { value: true, previous_value: false }],
      ['device.steerable_status.being_steered.updated', { value: true, previous_value: false }],
    ]);
    for (const e of events)
      expect(e.metadata).toEqual({
        device_id: device,
        user_id: user.nox_user_id,
        external_user_id: 'volt_user_1',
        brand: 'Daikin',
        energy_supplier: 'Volt Energy',
      });
  });

  test('flex_trading switching the other optimisations off is an event for each of them', async () => {
    await patch(supplier.api_key, { optimization_settings: { dynamic_tariff: true } });
    await patch(supplier.api_key, { optimization_settings: { flex_trading: true } });
    await deliverDue();
    expect(bodies('/maker').map((e) => [e.type, e.data.value])).toEqual([
      ['user.settings.optimization_settings.dynamic_tariff.updated', true],
      ['user.settings.optimization_settings.dynamic_tariff.updated', false],
      ['user.settings.optimization_settings.flex_trading.updated', true],
      ['device.steerable_status.being_steered.updated', true],
    ]);
  });

  test('the deprecated thermal-settings POST sends steering_enabled as being_steered', async () => {
    const res = await request(app)
      .post('/v1/device/thermal-control/settings')
      .set('x-api-key', supplier.api_key)
      .send({
        user_id: user.nox_user_id,
        device_id: user.device_ids[0],
        steering_enabled: { heat_pump: true },
      });
    expect(res.status).toBe(200);
    await deliverDue();
    expect(bodies('/maker').map((e) => e.type)).toEqual([
      'device.settings.optimization_settings.flex_trading.updated',
      'device.steerable_status.being_steered.updated',
    ]);
  });

  test("the user's change on NOX's web app goes to every party; the answer shows the settings and the deliveries", async () => {
    const res = await control()
      .patch(`/__nox/users/${user.nox_user_id}/settings`)
      .send({ location: { country: 'NL', postal_code: '1234AB' } });
    expect(res.status).toBe(200);
    expect(
      spec.validateResponse('PATCH', `/__nox/users/${user.nox_user_id}/settings`, 200, res.body),
    ).toEqual([]);
    expect(res.body.webhook_deliveries.map((d: Json) => [d.organisation_id, d.event.type])).toEqual([
      [supplier.id, 'user.settings.location.country.updated'],
      [maker.id, 'user.settings.location.country.updated'],
      [supplier.id, 'user.settings.location.postal_code.updated'],
      [maker.id, 'user.settings.location.postal_code.updated'],
    ]);
    expect(res.body.webhook_deliveries[0].event.data).toEqual({ value: 'NL', previous_value: null });
    const [toSupplier, toMaker] = res.body.webhook_deliveries;
    expect(toSupplier.event.id).toBe(toMaker.event.id);
    expect(toSupplier.event.metadata.external_user_id).toBe('volt_user_1');
    expect(toMaker.event.metadata.external_user_id).toBe('alice');
    await deliverDue();
    expect(receiver.at('/supplier')).toHaveLength(2);
    expect(receiver.at('/maker')).toHaveLength(2);
  });

  test('webhook_echo_own_changes also sends a change to the party that made it', async () => {
    await policies(supplier.id, { webhook_echo_own_changes: true });
    await patch(supplier.api_key, { room: { schedule_enabled: true } });
    await deliverDue();
    expect(bodies('/supplier').map((e) => e.type)).toEqual(['user.settings.room.schedule_enabled.updated']);
    expect(bodies('/maker')).toHaveLength(1);
  });

  test('webhook_events keeps a receiver to the types it subscribed to', async () => {
    const picky = await organisation({
      kind: 'manufacturer',
      name: 'Picky',
      brands: ['daikin'],
      webhook_url: `${receiver.url}/picky`,
      webhook_events: ['device.steerable_status.being_steered.updated'],
    });
    expect(picky.webhook_events).toEqual(['device.steerable_status.being_steered.updated']);
    await patch(supplier.api_key, { room: { preferred_temperature: 19 } });
    await patch(supplier.api_key, { optimization_settings: { flex_trading: true } });
    await deliverDue();
    expect(bodies('/picky').map((e) => e.type)).toEqual(['device.steerable_status.being_steered.updated']);
    expect(bodies('/maker')).toHaveLength(3);
  });

  test('every event type webhook_events accepts is sent by a real change; types nothing sends are refused', async () => {
    const fields = {
      room: [
        'temperature_lower_bound',
        'temperature_upper_bound',
        'preferred_temperature',
        'schedule_enabled',
        'temperature_control_mode',
      ],
      dhw: ['temperature_upper_bound', 'temperature_lower_bound'],
      optimization_settings: ['pv_self_consumption', 'dynamic_tariff', 'flex_trading'],
      location: ['country', 'postal_code'],
    };
    const declared = [
      'device.steerable_status.being_steered.updated',
      ...(['user', 'device'] as const).flatMap((scope) =>
        Object.entries(fields).flatMap(([group, names]) =>
          names.map((f) => `${scope}.settings.${group}.${f}.updated`),
        ),
      ),
    ];
    // Two sets of values, so the device level (after the user level) changes every field again.
    const values = (n: 0 | 1) => ({
      room: {
        temperature_lower_bound: 2 + n,
        temperature_upper_bound: 2 + n,
        preferred_temperature: 20 + n,
        schedule_enabled: n === 0,
        temperature_control_mode: n === 0 ? 'heating' : 'cooling',
      },
      dhw: { temperature_upper_bound: 58 + n, temperature_lower_bound: 46 + n },
      optimization_settings: { pv_self_consumption: true, dynamic_tariff: true },
      location: { country: n === 0 ? 'BE' : 'NL', postal_code: n === 0 ? '3500' : '1234AB' },
    });
    for (const [n, level] of [
      [0, {}],
      [1, { device_id: user.device_ids[0] }],
    ] as const) {
      expect((await patch(supplier.api_key, { ...level, ...values(n) })).status).toBe(204);
      const steer = { ...level, optimization_settings: { flex_trading: true } };
      expect((await patch(supplier.api_key, steer)).status).toBe(204);
    }
    await deliverDue();
    const sent = new Set(bodies('/maker').map((e) => e.type));
    expect([...sent].sort()).toEqual([...declared].sort());
    // The spec's WebhookEventType accepts exactly these: each one, and none of the types nothing sends.
    for (const type of declared)
      expect(
        (
          await control()
            .post('/__nox/organisations')
            .send({ kind: 'supplier', name: type, webhook_url: `${receiver.url}/x`, webhook_events: [type] })
        ).status,
      ).toBe(201);
    for (const type of [
      'device.needs_reauthentication.updated',
      'device.steerable_status.steering_enabled.updated',
      'user.settings.room.unicorns.updated',
    ]) {
      const res = await control()
        .post('/__nox/organisations')
        .send({ kind: 'supplier', name: 'Never', webhook_url: `${receiver.url}/x`, webhook_events: [type] });
      expect(res.status, type).toBe(400);
      expect(res.body.error).toContain('webhook_events.0');
    }
  });

  test.each([
    ['id.timestamp.body', (id: string, ts: string, body: string) => `${id}.${ts}.${body}`],
    ['body', (_id: string, _ts: string, body: string) => body],
    ['timestamp.body', (_id: string, ts: string, body: string) => `${ts}.${body}`],
  ])('webhook_signature_scheme %s signs that string', async (scheme, signed) => {
    await policies(maker.id, { webhook_signature_scheme: scheme });
    await patch(supplier.api_key, { room: { preferred_temperature: 19 } });
    await deliverDue();
    const [got] = arrived('/maker');
    const content = signed(
      String(got.headers['x-webhook-id']),
      String(got.headers['x-webhook-timestamp']),
      got.rawBody,
    );
    expect(got.headers['x-webhook-signature']).toBe(
      `sha256=${createHmac('sha256', maker.api_key).update(content).digest('hex')}`,
    );
  });
});

describe('delivery and retries on the virtual clock', () => {
  const change = () => patch(supplier.api_key, { room: { preferred_temperature: 19 } });

  test('a 500 is retried after 5 s with a fresh timestamp and signature, the same X-Webhook-Id', async () => {
    receiver.answers.push(500);
    await change();
    const first = await deliverDue();
    expect(first.deliveries[0].attempts[0]).toMatchObject({
      response_status: 500,
      outcome: 'retry_scheduled',
    });
    const start = await now();
    expect(first.deliveries[0]).toMatchObject({ status: 'pending', next_attempt_at: start + 5 });
    expect((await deliverDue()).attempted).toBe(0);
    await control().post('/__nox/clock/advance').send({ seconds: 5 });
    const second = await deliverDue();
    expect(second.attempted).toBe(1);
    expect(second.deliveries[0]).toMatchObject({ status: 'delivered', next_attempt_at: null });
    const [a, b] = arrived('/maker');
    expect(b.headers['x-webhook-id']).toBe(a.headers['x-webhook-id']);
    expect(b.rawBody).toBe(a.rawBody);
    expect(b.headers['x-webhook-timestamp']).toBe(String(start + 5));
    expect(b.headers['x-webhook-signature']).not.toBe(a.headers['x-webhook-signature']);
    expect(verifyNoxWebhook(b.rawBody, b.headers, maker.api_key, start + 5)).toBe(true);
  });

  test('no answer within webhook_timeout_ms is a timeout, retried', async () => {
    await policies(maker.id, { webhook_timeout_ms: 200 });
    receiver.answers.push('hang');
    await change();
    const run = await deliverDue();
    expect(run.deliveries[0].attempts[0]).toMatchObject({
      response_status: null,
      error: expect.stringContaining('timeout'),
      outcome: 'retry_scheduled',
    });
    await control().post('/__nox/clock/advance').send({ seconds: 5 });
    expect((await deliverDue()).deliveries[0].status).toBe('delivered');
    expect(receiver.at('/maker')).toHaveLength(2);
  });

  test('a 400 is final: failed, never sent again', async () => {
    receiver.answers.push(400);
    await change();
    const run = await deliverDue();
    expect(run.deliveries[0]).toMatchObject({ status: 'failed', next_attempt_at: null });
    expect(run.deliveries[0].attempts[0].outcome).toBe('rejected');
    await control()
      .post('/__nox/clock/advance')
      .send({ seconds: 86400 * 3 });
    expect((await deliverDue()).attempted).toBe(0);
    expect(receiver.at('/maker')).toHaveLength(1);
  });

  test('retries follow 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h of virtual time, then the delivery fails', async () => {
    expect(RETRY_DELAYS_SECONDS).toEqual([5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]);
    receiver.answers.push(...Array(10).fill(503));
    await change();
    expect((await deliverDue()).attempted).toBe(1);
    for (const delay of RETRY_DELAYS_SECONDS) {
      await control()
        .post('/__nox/clock/advance')
        .send({ seconds: delay - 1 });
      expect((await deliverDue()).attempted).toBe(0);
      await control().post('/__nox/clock/advance').send({ seconds: 1 });
      expect((await deliverDue()).attempted).toBe(1);
    }
    const [delivery] = await deliveries({ organisation_id: maker.id });
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts.map((a: Json) => a.outcome)).toEqual([
      ...Array(9).fill('retry_scheduled'),
      'gave_up',
    ]);
    const times = delivery.attempts.map((a: Json) => a.at);
    expect(times.slice(1).map((t: number, i: number) => t - times[i])).toEqual([...RETRY_DELAYS_SECONDS]);
    expect(receiver.at('/maker').map((r) => Number(r.headers['x-webhook-timestamp']))).toEqual(times);
    await control()
      .post('/__nox/clock/advance')
      .send({ seconds: 86400 * 2 });
    expect((await deliverDue()).attempted).toBe(0);
    expect(await deliveries({ status: 'failed' })).toHaveLength(1);
  });

  test('a redirect is not followed but retried; a connection error is retried', async () => {
    receiver.answers.push({ redirect: `${receiver.url}/elsewhere` });
    const gone = await organisation({
      kind: 'manufacturer',
      name: 'Gone',
      brands: ['daikin'],
      webhook_url: `http://127.0.0.1:${await closedPort()}/hooks`,
    });
    await change();
    const run = await deliverDue();
    const byReceiver = (id: string) => run.deliveries.find((d: Json) => d.organisation_id === id);
    expect(byReceiver(maker.id).attempts[0]).toMatchObject({
      response_status: 302,
      outcome: 'retry_scheduled',
    });
    expect(byReceiver(gone.id).attempts[0]).toMatchObject({
      response_status: null,
      error: expect.stringContaining('connection error'),
      outcome: 'retry_scheduled',
    });
    expect(receiver.at('/elsewhere')).toHaveLength(0);
  });

  test('every attempt is in the journal under area webhook, with no API key in it', async () => {
    receiver.answers.push(500);
    await change();
    await deliverDue();
    await control().post('/__nox/clock/advance').send({ seconds: 5 });
    await deliverDue();
    const res = await control().get('/__nox/journal').query({ area: 'webhook' });
    expect(spec.validateResponse('GET', '/__nox/journal', 200, res.body)).toEqual([]);
    const entries = res.body.entries;
    expect(entries.map((e: Json) => [e.organisation_id, e.request.path, e.response.status])).toEqual([
      [maker.id, `${receiver.url}/maker`, 500],
      [maker.id, `${receiver.url}/maker`, 200],
    ]);
    expect(entries[0].request.headers['x-webhook-id']).toMatch(/^evt_/);
    expect(JSON.stringify(entries)).not.toContain(maker.api_key);
  });

  test('deliver-due with organisation_id makes only that receiver’s attempts', async () => {
    await control()
      .patch(`/__nox/users/${user.nox_user_id}/settings`)
      .send({ room: { preferred_temperature: 22 } });
    const run = await deliverDue({ organisation_id: supplier.id });
    expect(run.attempted).toBe(1);
    expect(receiver.at('/maker')).toHaveLength(0);
    expect((await deliverDue()).attempted).toBe(1);
  });

  test('with automatic delivery the first attempt is made in the background after the change', async () => {
    await receiver.close();
    receiver = await startWebhookReceiver();
    await createMock({ autoDeliver: true });
    maker = await organisation({
      kind: 'manufacturer',
      name: 'Daikin Europe',
      brands: ['daikin'],
      webhook_url: `${receiver.url}/maker`,
    });
    user = await linkUser(app, 'user_123', 'bob');
    await patch('api_key_123', { room: { preferred_temperature: 19 } });
    await receiver.waitFor(1);
    expect(bodies('/maker')[0].metadata.energy_supplier).toBe('Acme Energy');
  });
});

describe('parties of a user from the manufacturer-app flow', () => {
  test('the manufacturer gets its own manufacturer_user_id, and energy_supplier is null while no supplier confirmed the user', async () => {
    const connected = await request(app)
      .post('/v2/manufacturer/device-connections')
      .set('x-api-key', maker.api_key)
      .send({ user_id: 'Maker_User_7' });
    expect(connected.status).toBe(201);
    const res = await control()
      .patch(`/__nox/users/${connected.body.nox_user_id}/settings`)
      .send({ room: { preferred_temperature: 23 } });
    expect(res.status).toBe(200);
    await deliverDue();
    const [event] = bodies('/maker');
    expect(event.metadata).toMatchObject({
      external_user_id: 'Maker_User_7',
      energy_supplier: null,
      brand: 'Daikin',
    });
    expect(receiver.at('/supplier')).toHaveLength(0);
  });
});

describe('control API for webhooks', () => {
  test('state shows the deliveries; a reset clears them, of one organisation or all', async () => {
    await patch(supplier.api_key, { room: { preferred_temperature: 19 } });
    const state = await control().get('/__nox/state');
    expect(spec.validateResponse('GET', '/__nox/state', 200, state.body)).toEqual([]);
    expect(state.body.webhook_deliveries).toHaveLength(1);
    expect(
      (await control().get('/__nox/state').query({ organisation_id: supplier.id })).body.webhook_deliveries,
    ).toEqual([]);
    await control().post('/__nox/reset').send({ organisation_id: maker.id });
    expect(await deliveries()).toEqual([]);
    await control()
      .patch(`/__nox/users/${user.nox_user_id}/settings`)
      .send({ room: { preferred_temperature: 22 } });
    await control().post('/__nox/reset').send({});
    expect((await control().get('/__nox/state')).body.webhook_deliveries).toEqual([]);
  });

  test('the policies have their webhook defaults', async () => {
    const res = await control().get('/__nox/policies');
    expect(spec.validateResponse('GET', '/__nox/policies', 200, res.body)).toEqual([]);
    expect(res.body).toMatchObject({
      webhook_echo_own_changes: false,
      webhook_signature_scheme: 'timestamp.body',
      webhook_timeout_ms: 15000,
    });
  });

  test.each([
    [{ webhook_url: 'ftp://example.com/hooks' }, 'webhook_url must be an absolute http(s) URL'],
    [{ webhook_url: '/hooks' }, 'webhook_url'],
    [{ webhook_events: ['settings.changed'] }, 'webhook_events'],
  ])('refuses an organisation with %j with a clear {error}', async (extra, message) => {
    const res = await control()
      .post('/__nox/organisations')
      .send({ kind: 'supplier', name: 'Bad', ...extra });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(message);
  });

  test('an organisation without webhook settings has webhook_url and webhook_events null', async () => {
    const plain = await organisation({ kind: 'supplier', name: 'Plain' });
    expect(plain).toMatchObject({ webhook_url: null, webhook_events: null });
    expect(spec.validateResponse('POST', '/__nox/organisations', 201, plain)).toEqual([]);
  });

  test.each([
    ['an unknown user', () => '00000000-0000-4000-a000-000000000000', {}, 404, 'No NOX user'],
    ['a device of nobody', () => user.nox_user_id, { device_id: 'nope' }, 404, 'does not belong'],
    [
      'flex_trading with another optimisation',
      () => user.nox_user_id,
      { optimization_settings: { flex_trading: true, pv_self_consumption: true } },
      400,
      'mutually exclusive',
    ],
    [
      'a wrong type',
      () => user.nox_user_id,
      { room: { preferred_temperature: 'warm' } },
      400,
      'must be a number',
    ],
    ['an unknown field', () => user.nox_user_id, { user_id: 'x' }, 400, 'user_id'],
  ])('patchSettingsAsUser answers %s with a clear {error}', async (_case, id, body, status, message) => {
    const res = await control().patch(`/__nox/users/${id()}/settings`).send(body);
    expect(res.status).toBe(status);
    expect(spec.validateResponse('PATCH', `/__nox/users/${id()}/settings`, status, res.body)).toEqual([]);
    expect(res.body.error).toContain(message);
  });
});
