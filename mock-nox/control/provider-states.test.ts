import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { createTestMock, createV2Session } from '../../test/test-support/test-mock.ts';
import { providerStates } from './provider-states.ts';

const spec = loadOpenApi('nox-control');
let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});
/** What a Pact verifier POSTs to the state-change URL. */
const change = (state: string, params: Record<string, unknown> = {}, action = 'setup') =>
  request(mock.app).post('/__nox/provider-states').send({ state, params, action });

describe('POST /__nox/provider-states (Pact state change)', () => {
  test('the supplier state creates a supplier whose key it answers; its loopback redirects are allowed', async () => {
    const res = await change(providerStates.supplier, { supplier: 'Volt Energy' });
    expect(res.status).toBe(200);
    expect(spec.validateResponse('POST', '/__nox/provider-states', 200, res.body)).toEqual([]);
    const created = await createV2Session(
      mock.app,
      { redirect_url: 'http://127.0.0.1:40123/nox/callback' },
      res.body.api_key,
    );
    expect(created.status).toBe(201);
    expect(created.body.supplier).toBe('Volt Energy');
  });

  test('the linked-customer state links a customer of the last supplier with that many devices', async () => {
    const supplier = await change(providerStates.supplier, { supplier: 'Volt Energy' });
    const res = await change(providerStates.linkedUser, { count: 2, asset_type: 'hp' });
    expect(res.status).toBe(200);
    expect(res.body.api_key).toBe(supplier.body.api_key);
    const devices = await request(mock.app)
      .get('/v1/devices')
      .query({ user_id: res.body.nox_user_id })
      .set('x-api-key', res.body.api_key);
    expect(devices.status).toBe(200);
    expect(devices.body.data.map((d: { device_id: string }) => d.device_id)).toContain(res.body.device_id);
    expect(devices.body.data).toHaveLength(2);
  });

  test.each([
    ['pv', '/v1/devices/pv', '/v1/devices'],
    ['hp', '/v1/devices', '/v1/devices/pv'],
  ])(
    'a customer with 0 %s devices is linked with one of the other type, so %s lists none',
    async (assetType, empty, other) => {
      await change(providerStates.supplier, { supplier: 'Volt Energy' });
      const res = await change(providerStates.linkedUser, { count: 0, asset_type: assetType });
      expect(res.status).toBe(200);
      const list = (path: string) =>
        request(mock.app)
          .get(path)
          .query({ user_id: res.body.nox_user_id })
          .set('x-api-key', res.body.api_key);
      const none = await list(empty);
      expect([none.status, none.body.data]).toEqual([200, []]);
      const linked = await list(other);
      expect(linked.body.data.map((d: { device_id: string }) => d.device_id)).toEqual([res.body.device_id]);
    },
  );

  test('an unknown state is a 400 naming the states the mock knows', async () => {
    const res = await change('a unicorn exists');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(
      `Unknown provider state "a unicorn exists": the mock sets up "${providerStates.supplier}", "${providerStates.linkedUser}", "${providerStates.supplierAuth}" and "${providerStates.settingsChange}" (see POST /__nox/provider-states in openapi/nox-control.yaml).`,
    );
  });

  /** POST /post-login-redirect as the supplier's backend makes it, with the key and state a pact injects. */
  const confirm = (values: { api_key: string; state: string }, userId = 'cust-1') =>
    request(mock.app)
      .post('/post-login-redirect')
      .set('x-api-key', values.api_key)
      .send({ state: values.state, user_id: userId });

  test("the supplier-auth state starts a session of the last supplier on NOX's web app, pending: the supplier confirms it", async () => {
    await change(providerStates.supplier, { supplier: 'Volt Energy' });
    const res = await change(providerStates.supplierAuth, { session: 'pending' });
    expect(res.status).toBe(200);
    expect(spec.validateResponse('POST', '/__nox/provider-states', 200, res.body)).toEqual([]);
    const confirmed = await confirm(res.body);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ supplier_user_id: 'cust-1', brand: 'daikin' });
    expect(confirmed.body.redirect_url).toContain(`state=${res.body.state}`);
  });

  test('the supplier-auth state brings the session where a recorded 409 or 410 met it', async () => {
    await change(providerStates.supplier, { supplier: 'Volt Energy' });
    const other = await change(providerStates.supplierAuth, { session: 'confirmed for another user' });
    expect((await confirm(other.body)).status).toBe(409);
    const expired = await change(providerStates.supplierAuth, { session: 'expired' });
    expect((await confirm(expired.body)).status).toBe(410);
    const unknown = await change(providerStates.supplierAuth, { session: 'paused' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('"pending", "confirmed for another user", "expired"');
  });

  test('the linked-customer state without a supplier first is a 400 saying which state to set up first', async () => {
    const res = await change(providerStates.linkedUser, { count: 1, asset_type: 'hp' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(`set up "${providerStates.supplier}" first`);
  });

  test('teardown of a known state answers {} and creates nothing', async () => {
    const before = (await request(mock.app).get('/__nox/organisations')).body.organisations.length;
    const res = await change(providerStates.supplier, { supplier: 'Volt Energy' }, 'teardown');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const after = (await request(mock.app).get('/__nox/organisations')).body.organisations.length;
    expect(after).toBe(before);
  });

  test('a body without a state is refused in the control API error shape', async () => {
    const res = await request(mock.app).post('/__nox/provider-states').send({ params: {} });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/state/);
  });
});
