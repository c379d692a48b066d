import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { createTestMock, createV2Session } from '../../test/support/test-mock.ts';
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

  test('an unknown state is a 400 naming the states the mock knows', async () => {
    const res = await change('a unicorn exists');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(
      `Unknown provider state "a unicorn exists": the mock sets up "${providerStates.supplier}" and "${providerStates.linkedUser}" (see POST /__nox/provider-states in openapi/nox-control.yaml).`,
    );
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
