import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../harness/browser/launch-browser.ts';
import { startAtWebApp } from './test-support/oauth-start.ts';
import { type StartedSupplier, useSupplierFixture } from './test-support/supplier-fixture.ts';

/** The steps a customer takes, through the documented markers only. */
const steps = {
  async logInAtSupplier(page: Page, app: StartedSupplier, customerId: string) {
    await page.goto(`${app.url}/login`);
    await page.fill('#user', customerId);
    await page.click('form[action="/login"] button');
    await page.waitForURL(`${app.url}/`);
  },
  async logInAtManufacturer(page: Page, username: string) {
    await page.fill('#username', username);
    await page.fill('#password', 'secret');
    await page.click('button[value=login]');
  },
  deviceIds: (page: Page) =>
    page
      .locator('[data-testid=nox-device]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-device-id'))),
};

describe('a customer in Chromium', () => {
  const f = useSupplierFixture();
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('connects a heat pump and sees the devices NOX reports, with NOX on another site', async () => {
    // NOX at localhost, the app at 127.0.0.1: the way back is cross-site as in production, so a
    // SameSite=Strict session cookie would be lost here.
    const noxOnOtherSite = f.mock.url.replace('127.0.0.1', 'localhost');
    const app = await f.startSupplier({ noxAuthUrl: noxOnOtherSite });
    const page = await newPage();
    await steps.logInAtSupplier(page, app, 'anna');
    await page.click('button[data-asset-type=hp]');
    expect(new URL(page.url()).hostname).toBe('localhost');
    await page.click('a[data-brand=daikin]');
    await steps.logInAtManufacturer(page, 'anna+devices2');
    const connected = page.locator('[data-testid=nox-connected]');
    await connected.waitFor({ timeout: 5000 });
    const noxUserId = await connected.getAttribute('data-nox-user-id');
    const res = await fetch(`${f.mock.url}/v1/devices?user_id=${noxUserId}`, {
      headers: { 'x-api-key': app.apiKey },
    });
    const reported = ((await res.json()) as { data: { device_id: string }[] }).data.map((d) => d.device_id);
    expect(reported).toHaveLength(2);
    expect((await steps.deviceIds(page)).sort()).toEqual([...reported].sort());
    const readBack = await (await fetch(`${app.url}/__testkit/customers/anna`)).json();
    expect(readBack).toMatchObject({ nox_user_id: noxUserId, brand: 'daikin' });
    expect([...readBack.device_ids].sort()).toEqual([...reported].sort());
    expect([...readBack.devices_fetched].sort()).toEqual([...reported].sort());
  });

  test('sees access_denied after cancelling at the manufacturer', async () => {
    const app = await f.startSupplier();
    const page = await newPage();
    await steps.logInAtSupplier(page, app, 'ben');
    await page.click('button[data-asset-type=hp]');
    await page.click('a[data-brand=daikin]');
    await page.click('button[value=cancel]');
    const failed = page.locator('[data-testid=nox-failed]');
    await failed.waitFor({ timeout: 5000 });
    expect(await failed.getAttribute('data-error-code')).toBe('access_denied');
    expect(await page.textContent('[data-testid=nox-failed] p')).toContain('You cancelled the login');
  });

  test('connects solar panels from a link with a pre-selected brand, in Dutch', async () => {
    const app = await f.startSupplier();
    const page = await newPage();
    await page.goto(`${app.url}/login?user=cleo`);
    await page.goto(`${app.url}/nox/connect?asset_type=pv&brand=sma&language=nl`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await steps.logInAtManufacturer(page, 'cleo');
    await page.locator('[data-testid=nox-connected]').waitFor({ timeout: 5000 });
    expect(await steps.deviceIds(page)).toHaveLength(1);
  });

  test('changes the settings through the form', async () => {
    const app = await f.startSupplier();
    const page = await newPage();
    await page.goto(`${app.url}/login?user=dirk`);
    await page.click('button[data-asset-type=hp]');
    await page.click('a[data-brand=nibe]');
    await steps.logInAtManufacturer(page, 'dirk');
    await page.click('[data-testid=nox-connected] a[href="/settings"]');
    await page.fill('#preferred_temperature', '19.5');
    await page.check('input[name=optimization][value=flex_trading]');
    await page.click('form[data-testid=settings] button[type=submit]');
    await page.locator('[data-testid=settings-saved]').waitFor({ timeout: 5000 });
    expect(await page.inputValue('#preferred_temperature')).toBe('19.5');
    expect(await page.isChecked('input[name=optimization][value=flex_trading]')).toBe(true);
  });

  test('logs in on the OAuth page NOX sent it to, accepts the terms and ends back on NOX', async () => {
    const app = await f.startSupplier();
    const start = await startAtWebApp(f, app);
    const page = await newPage();
    await page.goto(start.oauthUrl);
    await page.fill('#customer_id', 'emil');
    await page.click('[data-testid=accept-terms]');
    await page.waitForURL((url) => url.pathname.startsWith('/ui/'), { timeout: 5000 });
    expect(new URL(page.url()).origin).toBe(f.mock.url);
    const readBack = await (await fetch(`${app.url}/__testkit/customers/emil`)).json();
    expect(readBack).toMatchObject({ status: 'connected', linked_via: 'manufacturer-app' });
    expect(readBack.nox_user_id).toBe(start.nox_user_id);
    // Logged in by the OAuth page: the app's own pages know the customer now.
    await page.goto(`${app.url}/settings`);
    expect(await page.inputValue('#preferred_temperature')).toBe('21');
  });
});
