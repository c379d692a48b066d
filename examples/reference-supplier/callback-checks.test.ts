import { describe, expect, test } from 'vitest';
import { failureTexts } from './failure-texts.ts';
import { createCustomerClient } from './test-support/customer-client.ts';
import { linkWithoutBrowser } from './test-support/link-flow.ts';
import { encodeCallbackData, markers } from './test-support/page-markers.ts';
import { linkTokenOf, useSupplierFixture } from './test-support/supplier-fixture.ts';

const forged = (supplierUserId: string) => ({
  nox_user_id: '6f1c1a4e-0000-4000-8000-000000000001',
  supplier_user_id: supplierUserId,
  brand: 'daikin',
  device_ids: ['6f1c1a4e-0000-4000-8000-00000000d001'],
  connected_at: 1767225600,
});

describe('the callback refuses what it cannot trust', () => {
  const f = useSupplierFixture();

  test('refuses a forged callback naming another customer (invalid_callback) and stores nothing', async () => {
    const app = await f.startSupplier();
    const bob = await app.customer('bob');
    await bob.post('/nox/connect', { asset_type: 'hp' });
    const page = await bob.get(`/nox/callback?data=${encodeCallbackData(forged('alice'))}`);
    expect(page.status).toBe(400);
    expect(markers.errorCode(page.text)).toBe('invalid_callback');
    expect(markers.isConnected(page.text)).toBe(false);
    const bobBack = await (await fetch(`${app.url}/__testkit/customers/bob`)).json();
    expect(bobBack).toMatchObject({ status: 'not_connected', nox_user_id: null, device_ids: [] });
    expect((await fetch(`${app.url}/__testkit/customers/alice`)).status).toBe(404);
  });

  test('refuses a real callback replayed by another logged-in customer', async () => {
    const app = await f.startSupplier();
    const alice = await app.customer('alice');
    const started = await alice.post('/nox/connect', { asset_type: 'hp' });
    const done = await f.complete(linkTokenOf(started.location), { brand: 'daikin', username: 'alice' });
    const mallory = await app.customer('mallory');
    await mallory.post('/nox/connect', { asset_type: 'hp' });
    expect(markers.errorCode((await mallory.get(done.redirect_url)).text)).toBe('invalid_callback');
  });

  test.each([
    ['data that is not base64url', 'not*base64'],
    ['data that is not JSON', Buffer.from('hello').toString('base64url')],
    ['a payload without device_ids', encodeCallbackData({ ...forged('carol'), device_ids: undefined })],
    ['a payload whose connected_at is text', encodeCallbackData({ ...forged('carol'), connected_at: 'now' })],
  ])('refuses %s with invalid_callback', async (_what, data) => {
    const app = await f.startSupplier();
    const carol = await app.customer('carol');
    await carol.post('/nox/connect', { asset_type: 'hp' });
    expect(markers.errorCode((await carol.get(`/nox/callback?data=${data}`)).text)).toBe('invalid_callback');
  });

  test('refuses a callback when the customer started no link', async () => {
    const app = await f.startSupplier();
    const dave = await app.customer('dave');
    const page = await dave.get(`/nox/callback?data=${encodeCallbackData(forged('dave'))}`);
    expect(markers.errorCode(page.text)).toBe('invalid_callback');
    expect(page.text).toContain('No connection was started');
  });

  test('refuses the same callback a second time', async () => {
    const app = await f.startSupplier();
    const erin = await app.customer('erin');
    const { done, page } = await linkWithoutBrowser(f, erin, { username: 'erin' });
    expect(markers.isConnected(page.text)).toBe(true);
    expect(markers.errorCode((await erin.get(done.redirect_url)).text)).toBe('invalid_callback');
  });

  test('shows not_logged_in when nobody is logged in', async () => {
    const app = await f.startSupplier();
    const anonymous = createCustomerClient(app.url);
    const page = await anonymous.get(`/nox/callback?data=${encodeCallbackData(forged('x'))}`);
    expect(page.status).toBe(401);
    expect(markers.errorCode(page.text)).toBe('not_logged_in');
  });
});

describe('the callback shows NOX failures to the customer', () => {
  const f = useSupplierFixture();
  const nox = [
    'session_expired',
    'session_consumed',
    'access_denied',
    'no_devices',
    'brand_unavailable',
    'duplicate_connection',
  ];

  test.each(nox)('explains %s in words and shows the code', async (code) => {
    const app = await f.startSupplier();
    const frank = await app.customer('frank');
    const page = await frank.get(`/nox/callback?error=${code}&error_description=Because.`);
    expect(markers.errorCode(page.text)).toBe(code);
    expect(page.text).toContain(failureTexts[code]);
    expect(markers.isConnected(page.text)).toBe(false);
  });

  test('gives an unknown code a generic text, and escapes what it echoes', async () => {
    const app = await f.startSupplier();
    const grace = await app.customer('grace');
    const page = await grace.get(
      '/nox/callback?error=%3Cx%3E&error_description=%3Cscript%3Ealert(1)%3C/script%3E',
    );
    expect(markers.errorCode(page.text)).toBe('&lt;x&gt;');
    expect(page.text).toContain('Something went wrong while connecting your device');
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('shows access_denied after a cancel at the manufacturer, and a new link still works', async () => {
    const app = await f.startSupplier();
    const heidi = await app.customer('heidi');
    const cancelled = await linkWithoutBrowser(f, heidi);
    expect(markers.errorCode(cancelled.page.text)).toBe('access_denied');
    const again = await linkWithoutBrowser(f, heidi, { username: 'heidi' });
    expect(markers.isConnected(again.page.text)).toBe(true);
  });

  test('shows no_devices for an account without devices', async () => {
    const app = await f.startSupplier();
    const ivan = await app.customer('ivan');
    const { page } = await linkWithoutBrowser(f, ivan, { username: 'ivan+nodevices' });
    expect(markers.errorCode(page.text)).toBe('no_devices');
  });
});
