import { describe, expect, test } from 'vitest';
import { callbackQuery, textOf } from '../../../test/test-support/browser-steps.ts';
import { useFlow2Fixture } from '../../../test/test-support/flow2-fixture.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

const START = Date.UTC(2026, 0, 1) / 1000;

function decodeData(data: string | null): Record<string, unknown> {
  if (data === null || !/^[A-Za-z0-9_-]+$/.test(data))
    throw new Error(`data is not unpadded base64url: ${data}`);
  return JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
}

describe('flow 2 from a manufacturer link session', () => {
  const f = usePageFixture();
  const m = useFlow2Fixture(f);

  const openSelector = async (language = 'en') => {
    const link = await m.createManufacturerLink({ language });
    const page = await f.newPage();
    await page.goto(link.link_url);
    return { page, link };
  };
  const choose = (page: import('playwright-core').Page) =>
    page.click(`button[data-supplier="${m.supplier.id}"]`);

  test('lists only the suppliers with an OAuth login page, in the session language', async () => {
    const { page } = await openSelector('nl');
    expect(await textOf(page, 'h1')).toBe('Kies je energieleverancier');
    const listed = await page.$$eval('button[data-supplier]', (b) =>
      b.map((x) => x.getAttribute('data-supplier')),
    );
    expect(listed).toContain(m.supplier.id);
    expect(listed).not.toContain('supplier_123');
  });

  test('walks link → selector → supplier login and terms → POST → the manufacturer gets data', async () => {
    const { page, link } = await openSelector();
    await choose(page);
    const query = await m.onSupplierPage(page);
    expect(query.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('redirect_uri')).toBe(`${f.mock.url}/ui/supplier-return`);
    expect(query.get('language')).toBe('en');
    await m.acceptOnSupplier(page, 'customer-42');
    const data = decodeData((await callbackQuery(page, f.callbackUrl)).get('data'));
    expect(Object.keys(data)).toEqual([
      'nox_user_id',
      'manufacturer_user_id',
      'supplier',
      'device_ids',
      'connected_at',
    ]);
    expect(data).toMatchObject({ manufacturer_user_id: link.manufacturer_user_id, supplier: 'Test Energy' });
    expect(data.device_ids).toHaveLength(1);
    expect(data.connected_at).toBe(START);
    expect(m.oauth.answers.at(-1)).toMatchObject({
      status: 200,
      body: { nox_user_id: data.nox_user_id, supplier_user_id: 'customer-42' },
    });
  });

  test('opens the deprecated link_url (/?token=…&connection_type=manufacturer) in the same selector', async () => {
    const url = await m.createDeprecatedManufacturerLink('old-app-user');
    expect(new URL(url).pathname).toBe('/');
    const page = await f.newPage();
    await page.goto(url);
    expect(await textOf(page, 'h1')).toBe('Choose your energy supplier');
    await choose(page);
    await m.acceptOnSupplier(page);
    expect((await callbackQuery(page, f.callbackUrl)).get('data')).not.toBeNull();
  });

  test('fails with session_expired when the supplier’s clock passed 900 s before the login finished', async () => {
    const { page } = await openSelector();
    await choose(page);
    m.oauth.setBeforeConfirm(async () => {
      await f.control('POST', '/__nox/clock/advance', { seconds: 901, organisation_id: m.supplier.id });
    });
    try {
      await m.acceptOnSupplier(page);
      expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('session_expired');
      expect(m.oauth.answers.at(-1)?.status).toBe(410);
    } finally {
      m.oauth.setBeforeConfirm(async () => {});
    }
  });

  test('sends a refusal of the supplier’s terms to the manufacturer as access_denied', async () => {
    const { page } = await openSelector();
    await choose(page);
    await m.refuseOnSupplier(page);
    const query = await callbackQuery(page, f.callbackUrl);
    expect(query.get('error')).toBe('access_denied');
    expect(query.get('data')).toBeNull();
  });

  test('fails with supplier_not_confirmed when the browser comes back before the supplier’s POST', async () => {
    const { page } = await openSelector();
    await choose(page);
    await m.onSupplierPage(page);
    await page.click('#back-early');
    expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('supplier_not_confirmed');
  });

  test('sends an expired manufacturer link to the redirect_url with error=session_expired', async () => {
    const link = await m.createManufacturerLink();
    await f.control('POST', '/__nox/clock/advance', { seconds: 601, organisation_id: 'manufacturer_123' });
    const page = await f.newPage();
    await page.goto(link.link_url);
    expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('session_expired');
  });

  test('sends a manufacturer link opened after a supplier was chosen to the redirect_url as session_consumed', async () => {
    const { page, link } = await openSelector();
    await choose(page);
    await m.onSupplierPage(page);
    const again = await f.newPage();
    await again.goto(link.link_url);
    expect((await callbackQuery(again, f.callbackUrl)).get('error')).toBe('session_consumed');
  });

  describe('with failure redirects off', () => {
    const withoutRedirects = async (run: () => Promise<void>) => {
      await f.control('PUT', '/__nox/policies', {
        organisation_id: 'manufacturer_123',
        failure_redirects: false,
      });
      try {
        await run();
      } finally {
        await f.control('PUT', '/__nox/policies', {
          organisation_id: 'manufacturer_123',
          failure_redirects: true,
        });
      }
    };

    test('shows NOX’s failure page with the way back to the manufacturer', () =>
      withoutRedirects(async () => {
        const { page } = await openSelector();
        await choose(page);
        await m.refuseOnSupplier(page);
        expect(new URL(page.url()).pathname).toBe('/ui/supplier-return');
        expect(await textOf(page, 'h1')).toBe('NOX optimisations were not turned on');
        expect(await textOf(page, '#error-description')).toContain(
          'terms of your energy supplier were not accepted',
        );
        expect(await textOf(page, '#error-code')).toBe('access_denied');
        expect(await textOf(page, '#way-back')).toBe('Return to Acme Manufacturing');
        expect(await page.getAttribute('#way-back', 'href')).toBe(f.callbackUrl);
        expect(await textOf(page, 'body')).not.toMatch(/link session|POST/);
      }));

    test('shows the expiry on NOX’s page for an expired link', () =>
      withoutRedirects(async () => {
        const link = await m.createManufacturerLink({ language: 'fr' });
        await f.control('POST', '/__nox/clock/advance', {
          seconds: 601,
          organisation_id: 'manufacturer_123',
        });
        const page = await f.newPage();
        await page.goto(link.link_url);
        expect(await textOf(page, '#error-code')).toBe('session_expired');
        expect(await textOf(page, 'h1')).toBe('Les optimisations NOX n’ont pas été activées');
      }));
  });

  test('answers an unknown state on the return page with NOX’s 404 page, never a redirect', async () => {
    const page = await f.newPage();
    const res = await page.goto(`${f.mock.url}/ui/supplier-return?state=nope&language=en`);
    expect(res?.status()).toBe(404);
    expect(new URL(page.url()).origin).toBe(f.mock.url);
    expect(await textOf(page, 'h1')).toBe('This page cannot be shown');
  });

  test('shows a used state on the return page as session_consumed', async () => {
    const { page } = await openSelector();
    await choose(page);
    const state = (await m.onSupplierPage(page)).get('state');
    await m.acceptOnSupplier(page);
    await callbackQuery(page, f.callbackUrl);
    await page.goto(`${f.mock.url}/ui/supplier-return?state=${state}`);
    expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('session_consumed');
  });

  test('answers a choice that is not in the list with the selector again and a clear message', async () => {
    const link = await m.createManufacturerLink();
    const res = await fetch(`${f.mock.url}/ui/suppliers`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: link.link_token, language: 'en', supplier_id: 'supplier_123' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose one of the energy suppliers in the list.');
  });

  test('answers a choice for an unknown link with NOX’s 404 page', async () => {
    const res = await fetch(`${f.mock.url}/ui/suppliers`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: 'nope', supplier_id: m.supplier.id }),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  test('answers a deprecated link with an unknown token with NOX’s 404 page, not JSON', async () => {
    const res = await fetch(`${f.mock.url}/?token=nope&connection_type=manufacturer`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  test('still opens a supplier’s flow-1 link on /ui', async () => {
    const { page } = await f.openV2Link({ language: 'en' });
    expect(await textOf(page, 'h1')).toBe('Choose your brand');
  });
});
