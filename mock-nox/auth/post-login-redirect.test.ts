import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { createTestMock, DEMO_KEY } from '../../test/test-support/test-mock.ts';

const auth = loadOpenApi('nox-auth');
const MFR_KEY = 'mfr_api_key_123';
const MFR_CALLBACK = 'https://manufacturer-app.com/callback';
let mock: Awaited<ReturnType<typeof createTestMock>>;
let supplier: { id: string; api_key: string };
beforeEach(async () => {
  mock = await createTestMock();
  supplier = (
    await request(mock.app)
      .post('/__nox/organisations')
      .send({ kind: 'supplier', name: 'Flow Energy', oauth_login_url: 'https://flow.example/oauth?app=1' })
  ).body;
});

/** A manufacturer link session where the user chose Flow Energy: the state its OAuth page receives. */
async function chosenState(userId = 'mfr_user_1', supplierId = supplier.id) {
  const link = await request(mock.app)
    .post('/v2/manufacturer/link-sessions')
    .set('x-api-key', MFR_KEY)
    .send({ user_id: userId, redirect_url: MFR_CALLBACK });
  const chosen = await request(mock.app)
    .post(`/__nox/manufacturer-link-sessions/${link.body.link_token}/choose-supplier`)
    .send({ supplier_organisation_id: supplierId });
  return chosen.body.state as string;
}
const confirm = (body: unknown, key: string | null = supplier.api_key) => {
  const r = request(mock.app).post('/post-login-redirect');
  return (key === null ? r : r.set('x-api-key', key)).send(body as object);
};
const valid = (res: request.Response) =>
  expect(auth.validateResponse('POST', '/post-login-redirect', res.status, res.body)).toEqual([]);
const backToNox = (state: string, error?: string) =>
  request(mock.app)
    .post(`/__nox/supplier-auth-sessions/${state}/complete`)
    .send(error ? { refuse: true } : {});

describe('POST /post-login-redirect', () => {
  test('answers 200 with the return URL and the mapping, in the spec and its key order', async () => {
    const state = await chosenState();
    const res = await confirm({ state, user_id: 'supplier_user_id_123' });
    expect(res.status).toBe(200);
    valid(res);
    expect(Object.keys(res.body)).toEqual([
      'redirect_url',
      'nox_user_id',
      'supplier_user_id',
      'brand',
      'device_ids',
      'connected_at',
    ]);
    expect(res.body).toMatchObject({
      supplier_user_id: 'supplier_user_id_123',
      brand: 'daikin',
      connected_at: Date.UTC(2026, 0, 1) / 1000,
    });
    expect(res.body.device_ids).toHaveLength(1);
    const back = new URL(res.body.redirect_url);
    expect(back.pathname).toBe('/ui/supplier-return');
    expect(back.searchParams.get('state')).toBe(state);
  });

  test("keeps the manufacturer's NOX user id: the supplier's user is the one device-connections resolved", async () => {
    const connected = await request(mock.app)
      .post('/v2/manufacturer/device-connections')
      .set('x-api-key', MFR_KEY)
      .send({ user_id: 'mfr_user_1' });
    const res = await confirm({ state: await chosenState('mfr_user_1'), user_id: 'sup_1' });
    expect(res.body.nox_user_id).toBe(connected.body.nox_user_id);
    const devices = await request(mock.app).get('/v1/devices').set('x-api-key', supplier.api_key);
    expect(devices.body.data).toEqual([expect.objectContaining({ user_id: res.body.nox_user_id })]);
    const mfr = await request(mock.app).get('/v1/manufacturer/devices').set('x-api-key', MFR_KEY);
    expect(mfr.body.data).toEqual([expect.objectContaining({ energy_supplier: 'Flow Energy' })]);
  });

  test('accepts the key as Authorization: ApiKey', async () => {
    const state = await chosenState();
    const res = await request(mock.app)
      .post('/post-login-redirect')
      .set('Authorization', `ApiKey ${supplier.api_key}`)
      .send({ state, user_id: 's' });
    expect(res.status).toBe(200);
  });

  test('answers a repeated call (same state, same user_id) with 200 and the same body, also after the return', async () => {
    const state = await chosenState();
    const first = await confirm({ state, user_id: 's1' });
    mock.time.advance(60);
    const again = await confirm({ state, user_id: 's1' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    await backToNox(state);
    const afterReturn = await confirm({ state, user_id: 's1' });
    expect(afterReturn.body).toEqual(first.body);
  });

  test('answers 409 when the state was confirmed for another user_id', async () => {
    const state = await chosenState();
    await confirm({ state, user_id: 's1' });
    const res = await confirm({ state, user_id: 's2' });
    expect(res.status).toBe(409);
    valid(res);
    expect(res.body.error).toMatch(/already confirmed for user_id "s1"/);
  });

  test('answers 410 once 900 s have passed on the virtual clock, even for a repeat', async () => {
    const state = await chosenState();
    await request(mock.app).post('/__nox/clock/advance').send({ seconds: 899 });
    expect((await confirm({ state, user_id: 's1' })).status).toBe(200);
    await request(mock.app).post('/__nox/clock/advance').send({ seconds: 1 });
    const res = await confirm({ state, user_id: 's1' });
    expect(res.status).toBe(410);
    valid(res);
    expect(res.body.error).toMatch(/expired/);
  });

  test('answers 410 for an unconfirmed state past the lifetime_supplier_oauth_seconds policy', async () => {
    await request(mock.app)
      .put('/__nox/policies')
      .send({ organisation_id: supplier.id, lifetime_supplier_oauth_seconds: 30 });
    const state = await chosenState();
    await request(mock.app).post('/__nox/clock/advance').send({ seconds: 30, organisation_id: supplier.id });
    expect((await confirm({ state, user_id: 's1' })).status).toBe(410);
  });

  test("judges expiry on the supplier's clock, not the manufacturer's", async () => {
    const state = await chosenState();
    await request(mock.app)
      .post('/__nox/clock/advance')
      .send({ seconds: 5000, organisation_id: 'manufacturer_123' });
    expect((await confirm({ state, user_id: 's1' })).status).toBe(200);
  });

  test("answers 404 for an unknown state and for another supplier's state, with the same message", async () => {
    const unknown = await confirm({ state: 'no-such-state', user_id: 's' });
    expect(unknown.status).toBe(404);
    valid(unknown);
    const other = (
      await request(mock.app).post('/__nox/organisations').send({ kind: 'supplier', name: 'Other' })
    ).body;
    const theirs = await confirm({ state: await chosenState(), user_id: 's' }, other.api_key);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(unknown.body);
  });

  test('answers 409 after the user refused the terms (the session ended unconfirmed)', async () => {
    const state = await chosenState();
    await backToNox(state, 'access_denied');
    const res = await confirm({ state, user_id: 's1' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/ended unconfirmed \(access_denied\)/);
  });

  test('answers 409 after the browser came back before the POST', async () => {
    const state = await chosenState();
    await backToNox(state);
    expect((await confirm({ state, user_id: 's1' })).status).toBe(409);
  });

  test.each([
    [{ state: 'x' }, 'user_id is required and must be a string'],
    [{ state: 'x', user_id: 5 }, /user_id/],
    [{ user_id: 's' }, /state/],
  ])('answers 400 for the body %j', async (body, message) => {
    const res = await confirm(body);
    expect(res.status).toBe(400);
    valid(res);
    expect(res.body.error).toMatch(message);
  });

  test('ignores a property it does not know, as NOX (a FastAPI service) does on its APIs', async () => {
    const state = await chosenState();
    const res = await confirm({ state, user_id: 's1', extra: 1 });
    expect(res.status).toBe(200);
    valid(res);
  });

  test.each([
    ['no key', null, /Missing API key/],
    ['an unknown key', 'nope', /Invalid API key/],
    ["a manufacturer's key", MFR_KEY, /needs a supplier API key/],
  ])('answers 401 for %s', async (_name, key, message) => {
    const res = await confirm({ state: await chosenState(), user_id: 's' }, key);
    expect(res.status).toBe(401);
    valid(res);
    expect(res.body.error).toMatch(message);
  });

  test('the demo supplier key is a supplier key but owns no state of another supplier', async () => {
    expect((await confirm({ state: await chosenState(), user_id: 's' }, DEMO_KEY)).status).toBe(404);
  });
});

describe('the mapping under the duplicate policies', () => {
  const policies = (body: Record<string, unknown>) =>
    request(mock.app)
      .put('/__nox/policies')
      .send({ organisation_id: supplier.id, ...body });

  test('replace (default): the same supplier user keeps its NOX user id, the new devices replace the old', async () => {
    const first = await confirm({ state: await chosenState('m1+devices2'), user_id: 's1' });
    const second = await confirm({ state: await chosenState('m2'), user_id: 's1' });
    expect(second.body.nox_user_id).toBe(first.body.nox_user_id);
    const devices = await request(mock.app).get('/v1/devices').set('x-api-key', supplier.api_key);
    expect(devices.body.data.map((d: { device_id: string }) => d.device_id)).toEqual(second.body.device_ids);
  });

  test('merge: the devices accumulate', async () => {
    await policies({ same_supplier_user: 'merge' });
    const first = await confirm({ state: await chosenState('m1'), user_id: 's1' });
    const second = await confirm({ state: await chosenState('m2'), user_id: 's1' });
    const devices = await request(mock.app).get('/v1/devices').set('x-api-key', supplier.api_key);
    expect(devices.body.data.map((d: { device_id: string }) => d.device_id).sort()).toEqual(
      [...first.body.device_ids, ...second.body.device_ids].sort(),
    );
  });

  test('reject: a second link of the same supplier user answers 409 duplicate_connection', async () => {
    await policies({ same_supplier_user: 'reject' });
    await confirm({ state: await chosenState('m1'), user_id: 's1' });
    const state = await chosenState('m2');
    const res = await confirm({ state, user_id: 's1' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/duplicate_connection/);
    const back = await backToNox(state);
    expect(back.body).toMatchObject({ outcome: 'failed', error: 'duplicate_connection' });
  });

  test('separate-user (default): the same manufacturer account under a second supplier user is a second NOX user', async () => {
    const one = await confirm({ state: await chosenState('m1'), user_id: 's1' });
    const two = await confirm({ state: await chosenState('m1'), user_id: 's2' });
    expect(two.status).toBe(200);
    expect(two.body.nox_user_id).not.toBe(one.body.nox_user_id);
    expect(two.body.device_ids).toEqual(one.body.device_ids);
  });

  test('reject: the same manufacturer account under a second supplier user answers 409', async () => {
    await policies({ same_account_other_user: 'reject' });
    await confirm({ state: await chosenState('m1'), user_id: 's1' });
    const res = await confirm({ state: await chosenState('m1'), user_id: 's2' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/duplicate_connection/);
  });
});
