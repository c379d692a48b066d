import { describe, expect, test } from 'vitest';
import { supplierFlaws, WRONG_REDIRECT_URL } from './supplier-flaws.ts';
import { createCustomerClient } from './test-support/customer-client.ts';
import { freePort } from './test-support/free-port.ts';
import { linkWithoutBrowser } from './test-support/link-flow.ts';
import { startAtWebApp, submitOAuthForm } from './test-support/oauth-start.ts';
import { encodeCallbackData, markers } from './test-support/page-markers.ts';
import { type SupplierFixture, useSupplierFixture } from './test-support/supplier-fixture.ts';
import {
  connectThenChangeOnNox,
  postWebhook,
  readBackOf,
  replay,
  settledDeliveries,
  shownTemperature,
} from './test-support/webhook-support.ts';

const fault = (f: SupplierFixture, organisationId: string, route: object) =>
  f.control('PUT', '/__nox/faults', { organisation_id: organisationId, routes: [route] });

// Each broken variant next to what the correct app does (the correct behaviour is tested in the other files).
describe('the broken variants (SUPPLIER_FLAW)', () => {
  const f = useSupplierFixture();
  const linkCall = async (organisationId: string) =>
    (await f.journal(organisationId)).find((e) => e.request.path === '/v2/supplier/link-sessions');

  test('has a test below for every flaw', () => {
    const tested = [
      'trust-callback-user',
      'ignore-callback-errors',
      'omit-asset-type',
      'skip-device-fetch',
      'fetch-all-devices',
      'wrong-redirect-url',
      'no-error-page',
      'post-other-customer',
      'redirect-before-post',
      'open-redirect',
      'no-post-retry',
      'ignore-post-errors',
      'refusal-without-error',
      'confirm-after-refusal',
      'return-without-state',
      'skip-webhook-signature',
      'webhook-not-idempotent',
      'webhook-id-before-processing',
      'ignore-webhook-settings',
      'stale-settings-page',
      'webhook-signature-without-timestamp',
      'mark-connected-on-start',
      'first-device-page-only',
      'hide-settings-errors',
      'drop-link-on-device-read-error',
    ];
    expect(Object.keys(supplierFlaws).sort()).toEqual(tested.sort());
  });

  test('trust-callback-user accepts a forged callback for another customer', async () => {
    const app = await f.startSupplier({ flaw: 'trust-callback-user' });
    const bob = await app.customer('bob');
    await bob.post('/nox/connect', { asset_type: 'hp' });
    const data = encodeCallbackData({
      nox_user_id: 'someone-elses-nox-user',
      supplier_user_id: 'alice',
      brand: 'daikin',
      device_ids: ['d-1'],
      connected_at: 1767225600,
    });
    const page = await bob.get(`/nox/callback?data=${data}`);
    expect(markers.noxUserId(page.text)).toBe('someone-elses-nox-user');
  });

  test('ignore-callback-errors shows the connected page after a cancel', async () => {
    const app = await f.startSupplier({ flaw: 'ignore-callback-errors' });
    const { done, page } = await linkWithoutBrowser(f, await app.customer('carl'));
    expect(done.error).toBe('access_denied');
    expect(markers.isConnected(page.text)).toBe(true);
    expect(markers.errorCode(page.text)).toBeNull();
  });

  test('omit-asset-type creates the link session without asset_type, which NOX refuses with 400', async () => {
    const app = await f.startSupplier({ flaw: 'omit-asset-type' });
    await (await app.customer('dina')).post('/nox/connect', { asset_type: 'pv' });
    const call = await linkCall(app.organisationId);
    expect(call?.request.body).not.toHaveProperty('asset_type');
    expect(call?.response).toMatchObject({
      status: 400,
      body: { error: 'asset_type is required and must be one of: hp, pv' },
    });
  });

  test('skip-device-fetch never reads the devices after the callback', async () => {
    const app = await f.startSupplier({ flaw: 'skip-device-fetch' });
    const { page } = await linkWithoutBrowser(f, await app.customer('eve'), { username: 'eve' });
    expect(markers.isConnected(page.text)).toBe(true);
    const paths = (await f.journal(app.organisationId)).map((e) => e.request.path);
    expect(paths.filter((p) => p !== '/v1/devices/settings')).toEqual(['/v2/supplier/link-sessions']);
    const readBack = await (await fetch(`${app.url}/__testkit/customers/eve`)).json();
    expect(readBack.devices_fetched).toEqual([]);
  });

  test("fetch-all-devices reads /v1/devices without user_id and shows another customer's device", async () => {
    const app = await f.startSupplier({ flaw: 'fetch-all-devices' });
    const first = await linkWithoutBrowser(f, await app.customer('fay'), { username: 'fay' });
    const second = await linkWithoutBrowser(f, await app.customer('gus'), { username: 'gus' });
    const fetches = (await f.journal(app.organisationId)).filter((e) => e.request.path === '/v1/devices');
    expect(fetches.map((e) => e.request.query)).toEqual([{}, {}]);
    expect(markers.deviceIds(second.page.text)).toContain(first.done.device_ids[0]);
  });

  test('wrong-redirect-url sends a redirect_url NOX refuses', async () => {
    const app = await f.startSupplier({ flaw: 'wrong-redirect-url' });
    const page = await (await app.customer('hal')).post('/nox/connect', { asset_type: 'hp' });
    expect(markers.errorCode(page.text)).toBe('nox_unavailable');
    const call = await linkCall(app.organisationId);
    expect(call?.request.body).toMatchObject({ redirect_url: WRONG_REDIRECT_URL });
    expect(call?.response.status).toBe(400);
  });

  test('no-error-page answers a bare 500 when NOX is down', async () => {
    const app = await f.startSupplier({
      flaw: 'no-error-page',
      noxAuthUrl: `http://127.0.0.1:${await freePort()}`,
    });
    const page = await (await app.customer('ida')).post('/nox/connect', { asset_type: 'hp' });
    expect(page).toMatchObject({ status: 500, text: 'Internal Server Error' });
  });

  test('post-other-customer names the customer who logged in before, not the one on the OAuth page', async () => {
    const app = await f.startSupplier({ flaw: 'post-other-customer' });
    const start = await startAtWebApp(f, app);
    await app.customer('earlier'); // another browser, meanwhile
    // Jon's browser arrives from NOX not logged in, and logs in on the OAuth page.
    await submitOAuthForm(createCustomerClient(app.url), start, { customer_id: 'jon' });
    const post = (await f.journal(app.organisationId)).find((e) => e.request.path === '/post-login-redirect');
    expect(post?.request.body).toEqual({ state: start.state, user_id: 'earlier' });
  });

  test('redirect-before-post sends the browser back without confirming: NOX ends supplier_not_confirmed', async () => {
    const app = await f.startSupplier({ flaw: 'redirect-before-post' });
    const start = await startAtWebApp(f, app);
    const answer = await submitOAuthForm(await app.customer('kai'), start, { customer_id: 'kai' });
    expect(answer.location).toBe(`${start.redirectUri}?state=${start.state}`);
    const paths = (await f.journal(app.organisationId)).map((e) => e.request.path);
    expect(paths).not.toContain('/post-login-redirect');
    const back = await fetch(answer.location ?? '', { redirect: 'manual' });
    expect(await back.text()).toContain('supplier_not_confirmed');
  });

  test("open-redirect follows a tampered redirect_uri instead of NOX's answer", async () => {
    const app = await f.startSupplier({ flaw: 'open-redirect' });
    const start = await startAtWebApp(f, app);
    const redirect_uri = 'https://evil.example/steal';
    const answer = await submitOAuthForm(await app.customer('lea'), start, {
      customer_id: 'lea',
      redirect_uri,
    });
    expect(answer.location).toBe(redirect_uri);
  });

  test('no-post-retry gives up on the first 5xx', async () => {
    const app = await f.startSupplier({ flaw: 'no-post-retry' });
    await fault(f, app.organisationId, {
      method: 'POST',
      path: '/post-login-redirect',
      status: 503,
      times: 1,
    });
    const start = await startAtWebApp(f, app);
    const page = await submitOAuthForm(await app.customer('max'), start, { customer_id: 'max' });
    expect(markers.errorCode(page.text)).toBe('nox_unavailable');
    expect((await readBackOf(app, 'max')).status).toBe('not_connected');
  });

  test('ignore-post-errors shows success and stores a connection when NOX answers 404', async () => {
    const app = await f.startSupplier({ flaw: 'ignore-post-errors' });
    const start = await startAtWebApp(f, app);
    const page = await submitOAuthForm(await app.customer('ned'), start, {
      customer_id: 'ned',
      state: 'not-a-state',
    });
    const post = (await f.journal(app.organisationId)).find((e) => e.request.path === '/post-login-redirect');
    expect(post?.response.status).toBe(404);
    expect(markers.isConnected(page.text)).toBe(true);
    expect((await readBackOf(app, 'ned')).status).toBe('connected');
  });

  test('refusal-without-error sends the refusal back without error=access_denied', async () => {
    const app = await f.startSupplier({ flaw: 'refusal-without-error' });
    const start = await startAtWebApp(f, app);
    const answer = await submitOAuthForm(await app.customer('ola'), start, { decision: 'refuse' });
    expect(answer.location).toBe(`${start.redirectUri}?state=${start.state}`);
  });

  test('confirm-after-refusal confirms the login to NOX although the user refused the terms', async () => {
    const app = await f.startSupplier({ flaw: 'confirm-after-refusal' });
    const start = await startAtWebApp(f, app);
    const answer = await submitOAuthForm(await app.customer('oli'), start, {
      customer_id: 'oli',
      decision: 'refuse',
    });
    const post = (await f.journal(app.organisationId)).find((e) => e.request.path === '/post-login-redirect');
    expect(post?.response.status).toBe(200);
    expect(answer.location).toBe(`${start.redirectUri}?state=${start.state}`);
    expect((await readBackOf(app, 'oli')).status).toBe('connected');
  });

  test('return-without-state sends the browser back to NOX without its state, accepted or refused', async () => {
    const app = await f.startSupplier({ flaw: 'return-without-state' });
    const accepted = await startAtWebApp(f, app);
    const back = await submitOAuthForm(await app.customer('sam'), accepted, { customer_id: 'sam' });
    expect(back.location).toBe(accepted.redirectUri);
    const refused = await startAtWebApp(f, app);
    const away = await submitOAuthForm(await app.customer('tom'), refused, { decision: 'refuse' });
    expect(away.location).toBe(`${refused.redirectUri}?error=access_denied`);
  });

  test('skip-webhook-signature acts on a forged delivery', async () => {
    const app = await f.startSupplier({ flaw: 'skip-webhook-signature' });
    const { customer, delivery } = await connectThenChangeOnNox(f, app, 'pam');
    const body = JSON.stringify({ ...delivery.event, data: { value: 30, previous_value: 19 } });
    const webhookId = 'evt_forged:user.settings.room.preferred_temperature.updated';
    const timestamp = Math.floor(f.mock.time.nowMs() / 1000);
    const res = await postWebhook(app.url, body, { key: 'not-our-key', timestamp, webhookId });
    expect(res.status).toBe(200);
    expect(await shownTemperature(customer)).toBe('30');
  });

  test('webhook-not-idempotent acts on a replayed delivery again', async () => {
    const app = await f.startSupplier({ flaw: 'webhook-not-idempotent' });
    const { delivery } = await connectThenChangeOnNox(f, app, 'quincy');
    expect((await replay(app, delivery)).status).toBe(200);
    expect((await readBackOf(app, 'quincy')).webhook_ids).toEqual([delivery.webhook_id, delivery.webhook_id]);
  });

  test('webhook-id-before-processing drops the retry after its own 503', async () => {
    const app = await f.startSupplier({ flaw: 'webhook-id-before-processing' });
    const customer = await app.customer('ray');
    const { done } = await linkWithoutBrowser(f, customer, { username: 'ray' });
    await fetch(`${app.url}/__testkit/customers/ray/fail-next-webhook`, { method: 'POST' });
    await f.control('PATCH', `/__nox/users/${done.nox_user_id}/settings`, {
      room: { preferred_temperature: 18 },
    });
    await settledDeliveries(f, app.organisationId);
    await f.control('POST', '/__nox/clock/advance', { seconds: 5, organisation_id: app.organisationId });
    await f.control('POST', '/__nox/webhooks/deliver-due', { organisation_id: app.organisationId });
    const [delivery] = await settledDeliveries(f, app.organisationId);
    expect(delivery?.attempts.map((a) => a.response_status)).toEqual([503, 200]);
    expect(await shownTemperature(customer)).toBe('21');
    expect((await readBackOf(app, 'ray')).webhook_ids).toEqual([]);
  });

  test('ignore-webhook-settings acknowledges the change and never applies it', async () => {
    const app = await f.startSupplier({ flaw: 'ignore-webhook-settings' });
    const { customer, delivery } = await connectThenChangeOnNox(f, app, 'sue');
    expect(delivery.attempts.map((a) => a.response_status)).toEqual([200]);
    expect(await shownTemperature(customer)).toBe('21');
    expect((await readBackOf(app, 'sue')).webhook_ids).toEqual([]);
  });

  test('stale-settings-page applies the change but its page shows the settings read at link time', async () => {
    const app = await f.startSupplier({ flaw: 'stale-settings-page' });
    const { customer, delivery } = await connectThenChangeOnNox(f, app, 'sia');
    expect(delivery.attempts.map((a) => a.response_status)).toEqual([200]);
    expect((await readBackOf(app, 'sia')).webhook_ids).toEqual([delivery.webhook_id]);
    expect(await shownTemperature(customer)).toBe('21');
  });

  test('webhook-signature-without-timestamp refuses NOX’s genuine deliveries 401', async () => {
    const app = await f.startSupplier({ flaw: 'webhook-signature-without-timestamp' });
    const { customer, delivery } = await connectThenChangeOnNox(f, app, 'sid');
    expect(delivery.attempts.map((a) => a.response_status)).toEqual([401]);
    expect(delivery.status).toBe('failed');
    expect(await shownTemperature(customer)).toBe('21');
  });

  test('mark-connected-on-start still reads back connected after a cancel', async () => {
    const app = await f.startSupplier({ flaw: 'mark-connected-on-start' });
    const { done } = await linkWithoutBrowser(f, await app.customer('tia'));
    expect(done.error).toBe('access_denied');
    expect((await readBackOf(app, 'tia')).status).toBe('connected');
  });

  test('first-device-page-only lists only the first page of devices', async () => {
    const app = await f.startSupplier({ flaw: 'first-device-page-only', devicePageSize: 2 });
    const { done, page } = await linkWithoutBrowser(f, await app.customer('udo'), {
      username: 'udo+devices3',
    });
    expect(done.device_ids).toHaveLength(3);
    expect(markers.deviceIds(page.text)).toHaveLength(2);
    const reads = (await f.journal(app.organisationId)).filter((e) => e.request.path === '/v1/devices');
    expect(reads).toHaveLength(1);
  });

  test('hide-settings-errors says "saved" when NOX answered 422', async () => {
    const app = await f.startSupplier({ flaw: 'hide-settings-errors' });
    const customer = await app.customer('val');
    await linkWithoutBrowser(f, customer, { username: 'val' });
    const form = { preferred_temperature: '21', dhw_lower: '60', dhw_upper: '50', optimization: 'none' };
    const saved = await customer.post('/settings', form);
    expect(saved).toMatchObject({ status: 303, location: '/settings?saved=1' });
    const patch = (await f.journal(app.organisationId)).find((e) => e.request.method === 'PATCH');
    expect(patch?.response.status).toBe(422);
  });

  test('drop-link-on-device-read-error forgets the link when the device read answers 503', async () => {
    const app = await f.startSupplier({ flaw: 'drop-link-on-device-read-error' });
    await fault(f, app.organisationId, { method: 'GET', path: '/v1/devices', status: 503 });
    const { page } = await linkWithoutBrowser(f, await app.customer('wes'), { username: 'wes' });
    expect(markers.errorCode(page.text)).toBe('nox_unavailable');
    expect((await readBackOf(app, 'wes')).status).toBe('not_connected');
  });
});
