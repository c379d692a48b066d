import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { logIn, pressCancel, textOf } from '../../../test/test-support/browser-steps.ts';
import { useFlow2Fixture } from '../../../test/test-support/flow2-fixture.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

describe('flow 2 from NOX’s web app', () => {
  const f = usePageFixture();
  const m = useFlow2Fixture(f);

  const signIn = (tags?: string) => m.signInToWebApp(tags);
  const turnOn = (page: Page) => m.turnOn(page);
  const connect = () => m.connectFromWebApp();
  const supplierGet = (path: string) => m.supplierGet(path);

  test('signs in with a fake manufacturer account and offers to turn on NOX optimisations', async () => {
    const { page, account } = await signIn('+devices2');
    expect(new URL(page.url()).pathname).toBe('/ui/app/home');
    expect(await textOf(page, 'h1')).toBe(`Hello, ${account}`);
    expect(await textOf(page, '#devices')).toBe('Heat pumps in your Daikin account: 2');
    expect(await textOf(page, '#turn-on')).toBe('Turn on NOX optimisations');
  });

  test('walks sign-in → turn on → selector → supplier login and terms → POST → NOX’s success page', async () => {
    const { page, supplierUserId } = await connect();
    expect(await textOf(page, 'h1')).toBe('NOX optimisations are on');
    expect(await textOf(page, '#connected-text')).toBe(
      'Your heat pump is now connected to Test Energy. NOX Energy optimises it within your comfort settings.',
    );
    const answer = m.oauth.answers.at(-1);
    expect(answer).toMatchObject({
      status: 200,
      body: { supplier_user_id: supplierUserId, brand: 'daikin' },
    });
    const devices = await supplierGet(`/v1/devices?user_id=${answer?.body.nox_user_id}`);
    expect(devices.data.map((d) => d.device_id)).toEqual(answer?.body.device_ids);
    await page.click('#way-back');
    expect(await textOf(page, 'h1')).toBe('Comfort settings');
  });

  test('shows on the home page with whom the optimisations are on, after the connection', async () => {
    const { page, account } = await connect();
    const home = await f.newPage();
    await home.goto(`${f.mock.url}/ui/app?language=en`);
    await home.click('a[data-brand=daikin]');
    await logIn(home, account);
    expect(await textOf(home, '#optimised')).toBe('NOX optimisations are on with Test Energy.');
    expect(await home.$('#turn-on')).toBeNull();
    await page.close();
  });

  test('retries a +wrongpassword account and asks a +otp account for its code, as flow 1 does', async () => {
    const { page, account } = await signIn('+wrongpassword');
    expect(await textOf(page, '.error')).toBe('The password is not correct. Try again.');
    await logIn(page, account);
    expect(new URL(page.url()).pathname).toBe('/ui/app/home');

    const otp = await signIn('+otp');
    expect(await textOf(otp.page, 'h1')).toBe('Enter your one-time code');
    await otp.page.fill('#code', '000000');
    await otp.page.click('button[value=verify]');
    expect(await textOf(otp.page, '.error')).toBe('The code is not correct. Try again.');
    await otp.page.fill('#code', '123456');
    await otp.page.click('button[value=verify]');
    expect(new URL(otp.page.url()).pathname).toBe('/ui/app/home');
  });

  test('tells a +locked account it is locked; cancel goes back to the manufacturer choice', async () => {
    const { page } = await signIn('+locked');
    expect(await textOf(page, '.error')).toBe('This account is locked. You can only cancel.');
    await pressCancel(page);
    expect(new URL(page.url()).pathname).toBe('/ui/app');
    expect(await textOf(page, 'h1')).toBe('Sign in to NOX Energy');
  });

  test('tells a +nodevices account there is nothing to optimise, with no button to turn it on', async () => {
    const { page } = await signIn('+nodevices');
    expect(await textOf(page, '#no-devices')).toBe(
      'Your Daikin account has no heat pump that NOX Energy can optimise.',
    );
    expect(await page.$('#turn-on')).toBeNull();
  });

  test('shows a refusal of the terms as NOX’s failure page with the way back into the app', async () => {
    const { page } = await signIn();
    await turnOn(page);
    await m.refuseOnSupplier(page);
    expect(await textOf(page, 'h1')).toBe('NOX optimisations were not turned on');
    expect(await textOf(page, '#error-code')).toBe('access_denied');
    expect(await textOf(page, '#way-back')).toBe('Back to the NOX Energy app');
    await page.click('#way-back');
    expect(await textOf(page, '#turn-on')).toBe('Turn on NOX optimisations');
  });

  test('fails with session_expired when the supplier’s clock passed 900 s before the login finished', async () => {
    const { page } = await signIn();
    await turnOn(page);
    m.oauth.setBeforeConfirm(async () => {
      await f.control('POST', '/__nox/clock/advance', { seconds: 901, organisation_id: m.supplier.id });
    });
    try {
      await m.acceptOnSupplier(page);
      await page.waitForURL((u) => u.pathname === '/ui/supplier-return');
      expect(await textOf(page, '#error-code')).toBe('session_expired');
      expect(await textOf(page, '#error-description')).toContain('took too long');
    } finally {
      m.oauth.setBeforeConfirm(async () => {});
    }
  });

  test('fails with supplier_not_confirmed when the browser comes back before the supplier’s POST', async () => {
    const { page } = await signIn();
    await turnOn(page);
    await m.onSupplierPage(page);
    await page.click('#back-early');
    expect(await textOf(page, '#error-code')).toBe('supplier_not_confirmed');
    expect(await textOf(page, '#error-description')).toContain('Test Energy did not confirm your login');
  });

  test('fails with brand_unavailable during an outage of the brand, with the way back', async () => {
    await f.control('PUT', '/__nox/faults', { organisation_id: m.supplier.id, brand_outages: ['daikin'] });
    try {
      const { page } = await signIn();
      await turnOn(page);
      expect(new URL(page.url()).origin).toBe(f.mock.url);
      expect(await textOf(page, '#error-code')).toBe('brand_unavailable');
      expect(await page.$('#way-back')).not.toBeNull();
    } finally {
      await f.control('PUT', '/__nox/faults', { organisation_id: m.supplier.id, brand_outages: [] });
    }
  });

  test('answers a web-app page without a valid sign-in with a clear 400 page', async () => {
    const page = await f.newPage();
    const res = await page.goto(`${f.mock.url}/ui/app/home?token=garbage&language=en`);
    expect(res?.status()).toBe(400);
    expect(await textOf(page, '#error-message')).toContain('sign in again on /ui/app');
  });

  test('answers an unknown brand with a 404 page', async () => {
    const page = await f.newPage();
    const res = await page.goto(`${f.mock.url}/ui/app/login/acme-heat?language=en`);
    expect(res?.status()).toBe(404);
    expect(await textOf(page, '#error-message')).toContain('choose a heat-pump brand');
  });

  test('answers a one-time code nobody asked for with a 400 page', async () => {
    const res = await fetch(`${f.mock.url}/ui/app/login/daikin/otp`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: '123456', language: 'en' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('No one-time code was asked for at Daikin');
  });
});
