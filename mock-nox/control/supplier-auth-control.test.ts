import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { createTestMock } from '../../test/test-support/test-mock.ts';

const control = loadOpenApi('nox-control');
const MFR_KEY = 'mfr_api_key_123';
const MFR_CALLBACK = 'https://manufacturer-app.com/callback';
const NOW = Date.UTC(2026, 0, 1) / 1000;
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

const createLink = (body: Record<string, unknown> = {}) =>
  request(mock.app)
    .post('/v2/manufacturer/link-sessions')
    .set('x-api-key', MFR_KEY)
    .send({ user_id: 'mfr_user_1', redirect_url: MFR_CALLBACK, language: 'en', ...body });
const choose = (token: string, supplierId = supplier.id) =>
  request(mock.app)
    .post(`/__nox/manufacturer-link-sessions/${token}/choose-supplier`)
    .send({ supplier_organisation_id: supplierId });
const complete = (state: string, body: Record<string, unknown> = {}) =>
  request(mock.app).post(`/__nox/supplier-auth-sessions/${state}/complete`).send(body);
const webApp = (body: Record<string, unknown>) =>
  request(mock.app)
    .post('/__nox/web-app/connections')
    .send({ brand: 'daikin', supplier_organisation_id: supplier.id, ...body });
const valid = (method: string, path: string, res: request.Response) =>
  expect(control.validateResponse(method, path, res.status, res.body)).toEqual([]);
const decode = (url: string) =>
  JSON.parse(Buffer.from(new URL(url).searchParams.get('data') ?? '', 'base64url').toString('utf8'));

describe('choosing a supplier in a manufacturer link session', () => {
  test("starts a supplier-auth session and sends the browser to the supplier's oauth_login_url", async () => {
    const link = await createLink();
    const res = await choose(link.body.link_token);
    valid('POST', '/__nox/manufacturer-link-sessions/{link_token}/choose-supplier', res);
    expect(res.body).toMatchObject({
      outcome: 'supplier_auth_started',
      error: null,
      supplier_organisation_id: supplier.id,
      expires_at: NOW + 900,
    });
    expect(res.body.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const url = new URL(res.body.redirect_url);
    expect(`${url.origin}${url.pathname}`).toBe('https://flow.example/oauth');
    expect(url.searchParams.get('app')).toBe('1');
    expect(url.searchParams.get('state')).toBe(res.body.state);
    expect(new URL(url.searchParams.get('redirect_uri') ?? '').pathname).toBe('/ui/supplier-return');
    expect(url.searchParams.get('language')).toBe('en');
  });

  test('ends the manufacturer link session: choosing again fails with session_consumed', async () => {
    const link = await createLink();
    await choose(link.body.link_token);
    const again = await choose(link.body.link_token);
    expect(again.body).toMatchObject({ outcome: 'failed', error: 'session_consumed', state: null });
    expect(new URL(again.body.redirect_url).searchParams.get('error')).toBe('session_consumed');
  });

  test("fails with session_expired 600 s after creation on the manufacturer's clock", async () => {
    const link = await createLink();
    await request(mock.app)
      .post('/__nox/clock/advance')
      .send({ seconds: 600, organisation_id: 'manufacturer_123' });
    const res = await choose(link.body.link_token);
    expect(res.body).toMatchObject({ outcome: 'failed', error: 'session_expired' });
    const redirect = new URL(res.body.redirect_url);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(MFR_CALLBACK);
  });

  test('fails with no_devices for a manufacturer user without devices, and brand_unavailable in an outage', async () => {
    const none = await choose((await createLink({ user_id: 'x+nodevices' })).body.link_token);
    expect(none.body.error).toBe('no_devices');
    await request(mock.app)
      .put('/__nox/faults')
      .send({ organisation_id: supplier.id, brand_outages: ['daikin'] });
    const outage = await choose((await createLink()).body.link_token);
    expect(outage.body.error).toBe('brand_unavailable');
  });

  test('answers 400 for a supplier without oauth_login_url and 404 for an unknown token or organisation', async () => {
    const link = await createLink();
    const demo = await choose(link.body.link_token, 'supplier_123');
    expect(demo.status).toBe(400);
    expect(demo.body.error).toMatch(/no oauth_login_url/);
    expect((await choose('nope')).status).toBe(404);
    expect((await choose(link.body.link_token, 'org_missing')).status).toBe(404);
  });
});

describe('finishing a supplier-auth session', () => {
  test('with supplier_user_id confirms, returns, and sends the manufacturer the callback data', async () => {
    const link = await createLink();
    const started = await choose(link.body.link_token);
    mock.time.advance(30);
    const done = await complete(started.body.state, { supplier_user_id: 'sup_1' });
    valid('POST', '/__nox/supplier-auth-sessions/{state}/complete', done);
    expect(done.body).toMatchObject({
      outcome: 'connected',
      error: null,
      post_login_redirect_status: 200,
      supplier_user_id: 'sup_1',
    });
    const redirect = new URL(done.body.redirect_url);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(MFR_CALLBACK);
    expect(redirect.searchParams.get('data')).toMatch(/^[A-Za-z0-9_-]+$/);
    const data = decode(done.body.redirect_url);
    expect(Object.keys(data)).toEqual([
      'nox_user_id',
      'manufacturer_user_id',
      'supplier',
      'device_ids',
      'connected_at',
    ]);
    expect(data).toEqual({
      nox_user_id: done.body.nox_user_id,
      manufacturer_user_id: 'mfr_user_1',
      supplier: 'Flow Energy',
      device_ids: done.body.device_ids,
      connected_at: NOW + 30,
    });
  });

  test('shows both session kinds in state', async () => {
    const link = await createLink();
    const started = await choose(link.body.link_token);
    await complete(started.body.state, { supplier_user_id: 'sup_1' });
    const state = await request(mock.app).get('/__nox/state');
    valid('GET', '/__nox/state', state);
    expect(state.body.manufacturer_link_sessions).toEqual([
      expect.objectContaining({
        token: link.body.link_token,
        status: 'connected',
        supplier_auth_state: started.body.state,
      }),
    ]);
    expect(state.body.supplier_auth_sessions).toEqual([
      expect.objectContaining({ state: started.body.state, status: 'connected', supplier_user_id: 'sup_1' }),
    ]);
  });

  test('without a POST first the return fails with supplier_not_confirmed (browser back)', async () => {
    const started = await choose((await createLink()).body.link_token);
    const done = await complete(started.body.state);
    expect(done.body).toMatchObject({
      outcome: 'failed',
      error: 'supplier_not_confirmed',
      post_login_redirect_status: null,
    });
    expect(new URL(done.body.redirect_url).searchParams.get('error')).toBe('supplier_not_confirmed');
  });

  test('with refuse ends with access_denied (terms refused)', async () => {
    const started = await choose((await createLink()).body.link_token);
    const done = await complete(started.body.state, { refuse: true });
    expect(done.body).toMatchObject({ outcome: 'failed', error: 'access_denied' });
    expect(new URL(done.body.redirect_url).searchParams.get('error_description')).toBeTruthy();
  });

  test('past 900 s fails with session_expired even though the supplier confirmed in time', async () => {
    const started = await choose((await createLink()).body.link_token);
    await complete(started.body.state, {});
    const fresh = await choose((await createLink({ user_id: 'm2' })).body.link_token);
    await request(mock.app)
      .post('/post-login-redirect')
      .set('x-api-key', supplier.api_key)
      .send({ state: fresh.body.state, user_id: 's' });
    await request(mock.app).post('/__nox/clock/advance').send({ seconds: 900 });
    const done = await complete(fresh.body.state);
    expect(done.body).toMatchObject({ outcome: 'failed', error: 'session_expired' });
    const late = await choose((await createLink({ user_id: 'm3' })).body.link_token);
    await request(mock.app).post('/__nox/clock/advance').send({ seconds: 900 });
    expect((await complete(late.body.state, { supplier_user_id: 's3' })).body).toMatchObject({
      post_login_redirect_status: 410,
      error: 'session_expired',
    });
  });

  test('a state is single use: returning twice shows session_consumed', async () => {
    const started = await choose((await createLink()).body.link_token);
    await complete(started.body.state, { supplier_user_id: 's' });
    const twice = await complete(started.body.state);
    expect(twice.body).toMatchObject({ outcome: 'failed', error: 'session_consumed' });
  });

  test("with failure redirects off the failure stays on NOX's page (redirect_url null)", async () => {
    await request(mock.app)
      .put('/__nox/policies')
      .send({ organisation_id: 'manufacturer_123', failure_redirects: false });
    const started = await choose((await createLink()).body.link_token);
    const done = await complete(started.body.state, { refuse: true });
    expect(done.body).toMatchObject({ outcome: 'failed', error: 'access_denied', redirect_url: null });
  });

  test('answers 400 for supplier_user_id with refuse, and 404 for an unknown state', async () => {
    const started = await choose((await createLink()).body.link_token);
    const both = await complete(started.body.state, { supplier_user_id: 's', refuse: true });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatch(/not both/);
    expect((await complete('unknown-state')).status).toBe(404);
  });

  test('the deprecated /manufacturers/suppliers link gives the callback the nox_user_id it answered', async () => {
    const link = await request(mock.app)
      .post('/manufacturers/suppliers')
      .set('x-api-key', MFR_KEY)
      .send({ manufacturer_user_id: 'mfr_v1', redirect_url: MFR_CALLBACK, device_ids: ['dev_1'] });
    const started = await choose(link.body.data.link_token);
    const done = await complete(started.body.state, { supplier_user_id: 'sup_v1' });
    expect(decode(done.body.redirect_url)).toMatchObject({
      nox_user_id: link.body.data.nox_user_id,
      device_ids: ['dev_1'],
    });
  });
});

describe("the web app's start", () => {
  test("signs in with brand and username, starts the supplier-auth session and connects on NOX's page", async () => {
    const started = await webApp({ username: 'wendy+devices2', language: 'fr' });
    valid('POST', '/__nox/web-app/connections', started);
    expect(started.body).toMatchObject({ outcome: 'supplier_auth_started', error: null });
    expect(started.body.device_ids).toHaveLength(2);
    expect(new URL(started.body.redirect_url).searchParams.get('language')).toBe('fr');
    const done = await complete(started.body.state, { supplier_user_id: 'sup_w' });
    expect(done.body).toMatchObject({ outcome: 'connected', redirect_url: null });
    const devices = await request(mock.app).get('/v1/devices').set('x-api-key', supplier.api_key);
    expect(devices.body.data).toHaveLength(2);
  });

  test('passes the wrong-password retry and the one-time code', async () => {
    expect((await webApp({ username: 'a+wrongpassword' })).body.outcome).toBe('supplier_auth_started');
    expect((await webApp({ username: 'b+otp' })).body.outcome).toBe('supplier_auth_started');
  });

  test.each([
    ['a+locked', 'access_denied'],
    ['a+nodevices', 'no_devices'],
  ])("%s ends with %s on NOX's page", async (username, error) => {
    const res = await webApp({ username });
    expect(res.body).toMatchObject({ outcome: 'failed', error, redirect_url: null, state: null });
  });

  test('a brand in outage ends with brand_unavailable', async () => {
    await request(mock.app)
      .put('/__nox/faults')
      .send({ organisation_id: supplier.id, brand_outages: ['daikin'] });
    expect((await webApp({ username: 'a' })).body.error).toBe('brand_unavailable');
  });

  test('answers 400 for an unknown brand and for a supplier without oauth_login_url', async () => {
    expect((await webApp({ username: 'a', brand: 'acme' })).status).toBe(400);
    expect((await webApp({ username: 'a', supplier_organisation_id: 'supplier_123' })).status).toBe(400);
  });
});

describe('organisations with an oauth_login_url', () => {
  test('are listed for the selector; a URL that is not absolute http(s) is a 400', async () => {
    expect(supplier).toMatchObject({ oauth_login_url: 'https://flow.example/oauth?app=1' });
    const bad = await request(mock.app)
      .post('/__nox/organisations')
      .send({ kind: 'supplier', name: 'Bad', oauth_login_url: 'ftp://x.example/' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/oauth_login_url must be an absolute http\(s\) URL/);
  });

  test('a reset of the supplier clears its supplier-auth sessions', async () => {
    await choose((await createLink()).body.link_token);
    await request(mock.app).post('/__nox/reset').send({ organisation_id: supplier.id });
    expect((await request(mock.app).get('/__nox/state')).body.supplier_auth_sessions).toEqual([]);
  });
});
