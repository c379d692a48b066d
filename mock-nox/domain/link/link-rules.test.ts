import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { CALLBACK, createTestMock, createV2Session, linkUser } from '../../../test/test-support/test-mock.ts';
import { decodeCallbackData } from './result-redirect.ts';

let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

const complete = (token: string, body: Record<string, unknown>) =>
  request(mock.app).post(`/__nox/link-sessions/${token}/complete`).send(body);
const setPolicies = (body: Record<string, unknown>) => request(mock.app).put('/__nox/policies').send(body);
const devicesOf = async (noxUserId: string) =>
  (await request(mock.app).get('/__nox/state')).body.devices
    .filter((d: { nox_user_id: string }) => d.nox_user_id === noxUserId)
    .map((d: { device_id: string }) => d.device_id);

describe('a completed v2 link', () => {
  test('redirects to redirect_url with base64url data (no padding) holding the documented fields', async () => {
    const done = await linkUser(mock.app, 'user_123', 'alice+devices2');
    expect(done.outcome).toBe('connected');
    const url = new URL(done.redirect_url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(CALLBACK);
    expect(url.searchParams.get('data')).toMatch(/^[A-Za-z0-9_-]+$/);
    const data = decodeCallbackData(url.toString());
    expect(Object.keys(data)).toEqual([
      'nox_user_id',
      'supplier_user_id',
      'brand',
      'device_ids',
      'connected_at',
    ]);
    expect(data).toMatchObject({
      supplier_user_id: 'user_123',
      brand: 'daikin',
      connected_at: Date.UTC(2026, 0, 1) / 1000,
    });
    expect(data.nox_user_id).toBe(done.nox_user_id);
    expect(data.device_ids).toHaveLength(2);
  });

  test('keeps a query string the redirect_url already had', async () => {
    const done = await linkUser(mock.app, 'u', 'alice', { redirect_url: `${CALLBACK}?from=settings` });
    const url = new URL(done.redirect_url ?? '');
    expect(url.searchParams.get('from')).toBe('settings');
    expect(url.searchParams.get('data')).not.toBeNull();
  });

  test('gives the same manufacturer account the same device ids every time', async () => {
    const first = await linkUser(mock.app, 'u1', 'bob+devices3');
    await request(mock.app).post('/__nox/reset');
    const again = await linkUser(mock.app, 'u1', 'bob+devices3');
    expect(again.device_ids).toEqual(first.device_ids);
    const other = await linkUser(mock.app, 'u2', 'carol+devices3');
    expect(other.device_ids.filter((id) => first.device_ids.includes(id))).toEqual([]);
  });

  test('records the mapping in state', async () => {
    const done = await linkUser(mock.app, 'user_123', 'alice');
    const state = (await request(mock.app).get('/__nox/state')).body;
    expect(state.nox_users).toEqual([
      expect.objectContaining({ id: done.nox_user_id, supplier_user_id: 'user_123' }),
    ]);
    expect(state.link_sessions[0]).toMatchObject({
      status: 'connected',
      completed_at: Date.UTC(2026, 0, 1) / 1000,
    });
  });
});

describe('a v1 link', () => {
  test('redirects to redirect_uri with user_id and a device_id per device', async () => {
    const created = await request(mock.app)
      .post('/users/user_456/link')
      .set('x-api-key', 'api_key_123')
      .send({ redirect_uri: CALLBACK, brand: 'nibe' });
    const done = await complete(created.body.data.link_token, { username: 'dave+devices2' });
    const url = new URL(done.body.redirect_url);
    expect(url.searchParams.get('user_id')).toBe(done.body.nox_user_id);
    expect(url.searchParams.getAll('device_id')).toEqual(done.body.device_ids);
  });
});

describe('expiry', () => {
  test('fails with session_expired once 600 s have passed on the virtual clock', async () => {
    const created = await createV2Session(mock.app);
    await request(mock.app).post('/__nox/clock/advance').send({ seconds: 600 });
    const done = await complete(created.body.link_token, { brand: 'daikin', username: 'alice' });
    expect(done.body).toMatchObject({ outcome: 'failed', error: 'session_expired', nox_user_id: null });
    const url = new URL(done.body.redirect_url);
    expect(url.searchParams.get('error')).toBe('session_expired');
    // In the session's language: nl, the v2 default.
    expect(url.searchParams.get('error_description')).toMatch(/verlopen/);
  });

  test('still completes at 599 s', async () => {
    const created = await createV2Session(mock.app);
    mock.time.advance(599);
    const done = await complete(created.body.link_token, { brand: 'daikin', username: 'alice' });
    expect(done.body.outcome).toBe('connected');
  });

  test('follows a changed lifetime policy', async () => {
    await setPolicies({ lifetime_v2_seconds: 30 });
    const created = await createV2Session(mock.app);
    expect(created.body.expires_at - created.body.created_at).toBe(30);
  });

  test("judges by the organisation's own clock", async () => {
    const org = await request(mock.app)
      .post('/__nox/organisations')
      .send({ kind: 'supplier', name: 'Other', redirect_urls: [CALLBACK] });
    const mine = await createV2Session(mock.app);
    const theirs = await createV2Session(mock.app, {}, org.body.api_key);
    await request(mock.app).post('/__nox/clock/advance').send({ seconds: 700, organisation_id: org.body.id });
    expect((await complete(theirs.body.link_token, { brand: 'daikin', username: 'a' })).body.error).toBe(
      'session_expired',
    );
    expect((await complete(mine.body.link_token, { brand: 'daikin', username: 'a' })).body.outcome).toBe(
      'connected',
    );
  });
});

describe('a session completes once', () => {
  test('a second completion fails with session_consumed and changes nothing', async () => {
    const created = await createV2Session(mock.app);
    const first = await complete(created.body.link_token, { brand: 'daikin', username: 'alice' });
    const second = await complete(created.body.link_token, { brand: 'daikin', username: 'mallory' });
    expect(second.body).toMatchObject({ outcome: 'failed', error: 'session_consumed' });
    expect(new URL(second.body.redirect_url).searchParams.get('error')).toBe('session_consumed');
    expect(await devicesOf(first.body.nox_user_id)).toEqual(first.body.device_ids);
  });
});

describe('failures', () => {
  test.each([
    [{ username: 'x+nodevices' }, 'no_devices'],
    [{ cancel: true }, 'access_denied'],
    [{ username: 'x+locked' }, 'access_denied'],
  ])('%j ends with %s', async (body, error) => {
    const created = await createV2Session(mock.app);
    const done = await complete(created.body.link_token, { brand: 'daikin', ...body });
    expect(done.body).toMatchObject({ outcome: 'failed', error });
    expect(new URL(done.body.redirect_url).searchParams.get('error')).toBe(error);
  });

  test('a brand in outage ends with brand_unavailable', async () => {
    await request(mock.app)
      .put('/__nox/faults')
      .send({ organisation_id: 'supplier_123', brand_outages: ['daikin'] });
    expect((await linkUser(mock.app, 'u', 'alice')).error).toBe('brand_unavailable');
  });

  test('with failure redirects off NOX keeps the user on its own page (no redirect)', async () => {
    await setPolicies({ failure_redirects: false });
    const done = await linkUser(mock.app, 'u', 'x+nodevices');
    expect(done).toMatchObject({ redirect_url: null, outcome: 'failed', error: 'no_devices' });
  });

  test('passes the wrong-password retry and the one-time code without a browser', async () => {
    expect((await linkUser(mock.app, 'u1', 'x+wrongpassword')).outcome).toBe('connected');
    expect((await linkUser(mock.app, 'u2', 'y+otp+devices2')).device_ids).toHaveLength(2);
  });
});

describe('relinking', () => {
  test('the same supplier user keeps its NOX user id and the new devices replace the old (default)', async () => {
    const first = await linkUser(mock.app, 'user_123', 'alice+devices2');
    const second = await linkUser(mock.app, 'user_123', 'alice-new');
    expect(second.nox_user_id).toBe(first.nox_user_id);
    expect(await devicesOf(first.nox_user_id ?? '')).toEqual(second.device_ids);
  });

  test('merge keeps the old devices next to the new ones', async () => {
    await setPolicies({ same_supplier_user: 'merge' });
    const first = await linkUser(mock.app, 'user_123', 'alice');
    const second = await linkUser(mock.app, 'user_123', 'alice-new');
    expect((await devicesOf(first.nox_user_id ?? '')).sort()).toEqual(
      [...first.device_ids, ...second.device_ids].sort(),
    );
  });

  test('reject refuses the relink with duplicate_connection and keeps the first link', async () => {
    await setPolicies({ same_supplier_user: 'reject' });
    const first = await linkUser(mock.app, 'user_123', 'alice');
    const second = await linkUser(mock.app, 'user_123', 'alice-new');
    expect(second).toMatchObject({ outcome: 'failed', error: 'duplicate_connection' });
    expect(await devicesOf(first.nox_user_id ?? '')).toEqual(first.device_ids);
  });

  test('a relink with a pv brand keeps the heat pump under replace', async () => {
    const hp = await linkUser(mock.app, 'user_123', 'alice');
    const pv = await linkUser(mock.app, 'user_123', 'alice', { asset_type: 'pv', brand: 'sma' });
    expect((await devicesOf(hp.nox_user_id ?? '')).sort()).toEqual(
      [...hp.device_ids, ...pv.device_ids].sort(),
    );
  });

  test('the same account under two supplier user ids gives two NOX users (default)', async () => {
    const one = await linkUser(mock.app, 'user_a', 'shared');
    const two = await linkUser(mock.app, 'user_b', 'shared');
    expect(two.outcome).toBe('connected');
    expect(two.nox_user_id).not.toBe(one.nox_user_id);
    expect(two.device_ids).toEqual(one.device_ids);
  });

  test('reject refuses the same account under a second supplier user id', async () => {
    await setPolicies({ same_account_other_user: 'reject' });
    await linkUser(mock.app, 'user_a', 'shared');
    expect(await linkUser(mock.app, 'user_b', 'shared')).toMatchObject({ error: 'duplicate_connection' });
  });

  test('policies of one organisation leave the others alone', async () => {
    const org = await request(mock.app)
      .post('/__nox/organisations')
      .send({ kind: 'supplier', name: 'Strict', redirect_urls: [CALLBACK] });
    await setPolicies({ organisation_id: org.body.id, same_supplier_user: 'reject' });
    await linkUser(mock.app, 'u', 'a', {}, org.body.api_key);
    expect((await linkUser(mock.app, 'u', 'b', {}, org.body.api_key)).error).toBe('duplicate_connection');
    await linkUser(mock.app, 'u', 'a');
    expect((await linkUser(mock.app, 'u', 'b')).outcome).toBe('connected');
  });
});
