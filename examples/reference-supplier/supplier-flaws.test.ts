import { describe, expect, test } from 'vitest';
import { supplierFlaws, WRONG_REDIRECT_URL } from './supplier-flaws.ts';
import { freePort } from './test-support/free-port.ts';
import { linkWithoutBrowser } from './test-support/link-flow.ts';
import { encodeCallbackData, markers } from './test-support/page-markers.ts';
import { useSupplierFixture } from './test-support/supplier-fixture.ts';

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

  test('omit-asset-type creates the link session without asset_type', async () => {
    const app = await f.startSupplier({ flaw: 'omit-asset-type' });
    await (await app.customer('dina')).post('/nox/connect', { asset_type: 'pv' });
    const call = await linkCall(app.organisationId);
    expect(call?.request.body).not.toHaveProperty('asset_type');
    expect(call?.response.status).toBe(201);
  });

  test('skip-device-fetch never reads the devices after the callback', async () => {
    const app = await f.startSupplier({ flaw: 'skip-device-fetch' });
    const { page } = await linkWithoutBrowser(f, await app.customer('eve'), { username: 'eve' });
    expect(markers.isConnected(page.text)).toBe(true);
    expect((await f.journal(app.organisationId)).map((e) => e.request.path)).toEqual([
      '/v2/supplier/link-sessions',
    ]);
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
});
