import { describe, expect, test } from 'vitest';
import { freePort } from './test-support/free-port.ts';
import { linkWithoutBrowser } from './test-support/link-flow.ts';
import { markers } from './test-support/page-markers.ts';
import { linkTokenOf, useSupplierFixture } from './test-support/supplier-fixture.ts';

describe('connecting a device (over HTTP, the link completed through the control API)', () => {
  const f = useSupplierFixture();

  test('creates a v2 link session for the logged-in customer and redirects to NOX', async () => {
    const app = await f.startSupplier();
    const customer = await app.customer('cust-1');
    const res = await customer.post('/nox/connect', { asset_type: 'hp', language: 'fr' });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(new RegExp(`^${f.mock.url}/ui\\?token=`));
    const [call] = (await f.journal(app.organisationId)).filter(
      (e) => e.request.path === '/v2/supplier/link-sessions',
    );
    expect(call?.request.body).toEqual({
      user_id: 'cust-1',
      redirect_url: `${app.url}/nox/callback`,
      asset_type: 'hp',
      language: 'fr',
    });
    expect(call?.response.status).toBe(201);
  });

  test('starts a link from GET /nox/connect with a pre-selected brand', async () => {
    const app = await f.startSupplier();
    const customer = await app.customer('cust-2');
    const res = await customer.get('/nox/connect?asset_type=pv&brand=sma&language=nl');
    linkTokenOf(res.location);
    const [call] = await f.journal(app.organisationId);
    expect(call?.request.body).toMatchObject({ asset_type: 'pv', brand: 'sma', language: 'nl' });
  });

  test('shows the devices NOX reports after the callback and stores the mapping', async () => {
    const app = await f.startSupplier();
    const customer = await app.customer('cust-3');
    const { page, done } = await linkWithoutBrowser(f, customer, { username: 'cust-3+devices3' });
    expect(markers.noxUserId(page.text)).toBe(done.nox_user_id);
    expect(markers.deviceIds(page.text).sort()).toEqual([...done.device_ids].sort());
    const fetches = (await f.journal(app.organisationId)).filter((e) => e.request.path === '/v1/devices');
    expect(fetches.map((e) => e.request.query)).toEqual([{ user_id: done.nox_user_id }]);
    const readBack = await (await fetch(`${app.url}/__testkit/customers/cust-3`)).json();
    expect(readBack).toEqual({
      customer_id: 'cust-3',
      status: 'connected',
      nox_user_id: done.nox_user_id,
      brand: 'daikin',
      device_ids: done.device_ids,
      connected_at: Date.UTC(2026, 0, 1) / 1000,
      devices_fetched: [...done.device_ids].sort(),
      linked_via: 'link-session',
      webhook_ids: [],
    });
  });

  test('fetches solar panels from /v1/devices/pv', async () => {
    const app = await f.startSupplier();
    const customer = await app.customer('cust-4');
    const { page, done } = await linkWithoutBrowser(f, customer, { assetType: 'pv', username: 'cust-4' });
    expect(markers.deviceIds(page.text)).toEqual(done.device_ids);
    const paths = (await f.journal(app.organisationId)).map((e) => e.request.path);
    expect(paths).toEqual(['/v2/supplier/link-sessions', '/v1/devices/pv']);
  });

  test('shows the dashboard as connected afterwards, and a relink replaces the mapping', async () => {
    const app = await f.startSupplier();
    const customer = await app.customer('cust-5');
    expect((await customer.get('/')).text).toContain('not connected');
    const first = await linkWithoutBrowser(f, customer, { username: 'cust-5-a' });
    const second = await linkWithoutBrowser(f, customer, { brand: 'nibe', username: 'cust-5-b' });
    expect(second.done.device_ids).not.toEqual(first.done.device_ids);
    const readBack = await (await fetch(`${app.url}/__testkit/customers/cust-5`)).json();
    expect(readBack).toMatchObject({ brand: 'nibe', device_ids: second.done.device_ids });
    const dashboard = (await customer.get('/')).text;
    expect(dashboard).toContain(second.done.device_ids[0]);
    expect(dashboard).not.toContain(first.done.device_ids[0]);
  });

  test('still shows the connection, with a notice, when the devices cannot be fetched', async () => {
    const app = await f.startSupplier({ noxApiUrl: `http://127.0.0.1:${await freePort()}` });
    const customer = await app.customer('cust-6');
    const { page, done } = await linkWithoutBrowser(f, customer, { username: 'cust-6' });
    expect(markers.isConnected(page.text)).toBe(true);
    expect(markers.deviceIds(page.text)).toEqual(done.device_ids);
    expect(page.text).toContain('could not load their details');
    const readBack = await (await fetch(`${app.url}/__testkit/customers/cust-6`)).json();
    expect(readBack.devices_fetched).toEqual([]);
  });

  test('reads every page of the devices, following meta.next_token', async () => {
    const app = await f.startSupplier({ devicePageSize: 2 });
    const { page, done } = await linkWithoutBrowser(f, await app.customer('cust-8'), {
      username: 'cust-8+devices5',
    });
    expect(markers.deviceIds(page.text).sort()).toEqual([...done.device_ids].sort());
    const reads = (await f.journal(app.organisationId)).filter((e) => e.request.path === '/v1/devices');
    expect(reads.map((e) => e.request.query.limit)).toEqual(['2', '2', '2']);
    expect(reads.map((e) => typeof e.request.query.next_token)).toEqual(['undefined', 'string', 'string']);
    const readBack = await (await fetch(`${app.url}/__testkit/customers/cust-8`)).json();
    expect(readBack.devices_fetched).toHaveLength(5);
  });

  test.each([
    ['answers 503', { status: 503 }],
    ['does not answer in time', { latency_ms: 1000, times: 1 }],
  ])('keeps the link, with a notice, when the device read %s', async (_what, routeFault) => {
    const app = await f.startSupplier({ noxTimeoutMs: 400 });
    await f.control('PUT', '/__nox/faults', {
      organisation_id: app.organisationId,
      routes: [{ method: 'GET', path: '/v1/devices', ...routeFault }],
    });
    const { page, done } = await linkWithoutBrowser(f, await app.customer('cust-9'), { username: 'cust-9' });
    expect(markers.isConnected(page.text)).toBe(true);
    expect(page.text).toContain('could not load their details');
    const readBack = await (await fetch(`${app.url}/__testkit/customers/cust-9`)).json();
    expect(readBack).toMatchObject({
      status: 'connected',
      nox_user_id: done.nox_user_id,
      devices_fetched: [],
    });
  });

  test('reads back a customer who cancelled as not_connected: a started link is no connection', async () => {
    const app = await f.startSupplier();
    const { done } = await linkWithoutBrowser(f, await app.customer('cust-7'));
    expect(done.error).toBe('access_denied');
    const readBack = await (await fetch(`${app.url}/__testkit/customers/cust-7`)).json();
    expect(readBack).toEqual({
      customer_id: 'cust-7',
      status: 'not_connected',
      ...{ nox_user_id: null, brand: null, device_ids: [], connected_at: null, devices_fetched: [] },
      ...{ linked_via: null, webhook_ids: [] },
    });
  });

  test('answers 404 {} on the read-back of a customer it never saw', async () => {
    const app = await f.startSupplier();
    const res = await fetch(`${app.url}/__testkit/customers/nobody`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({});
  });

  test('answers /health', async () => {
    const app = await f.startSupplier();
    const res = await fetch(`${app.url}/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
