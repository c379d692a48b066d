import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { components } from '../../openapi/generated/nox-data.ts';
import { logIn } from './browser-steps.ts';
import type { PageFixture } from './page-fixture.ts';
import { startSupplierOAuthServer } from './supplier-oauth-server.ts';

type SupplierOAuth = Awaited<ReturnType<typeof startSupplierOAuthServer>>;

type DeviceSettings = components['schemas']['DevicesGetSettingsRequest'];

export const MANUFACTURER_KEY = 'mfr_api_key_123';

/** Flow 2 on top of the page fixture: a supplier with a test-served OAuth page, and manufacturer links. */
export interface Flow2Fixture {
  oauth: SupplierOAuth;
  supplier: { id: string; name: string; api_key: string };
  /** POST /v2/manufacturer/link-sessions as the demo manufacturer (redirect_url: the callback server). */
  createManufacturerLink(input?: { language?: string; user_id?: string }): Promise<ManufacturerLink>;
  /** POST /manufacturers/suppliers, the deprecated entry. */
  createDeprecatedManufacturerLink(userId: string): Promise<string>;
  /** On the supplier's page: tick the terms and log in as this supplier user. */
  acceptOnSupplier(page: Page, supplierUserId?: string): Promise<void>;
  refuseOnSupplier(page: Page): Promise<void>;
  /** Waits until the browser is on the supplier's OAuth page; its query. */
  onSupplierPage(page: Page): Promise<URLSearchParams>;
  /** Signs in on NOX's web app at Daikin with a fresh account (`tags` appended), landing on its home. */
  signInToWebApp(tags?: string, language?: string): Promise<{ page: Page; account: string }>;
  /** On the web app's home: "Turn on NOX optimisations", then this fixture's supplier in the selector. */
  turnOn(page: Page): Promise<void>;
  /** The whole web-app journey, accepted at the supplier, up to NOX's return page. */
  connectFromWebApp(): Promise<{ page: Page; account: string; supplierUserId: string }>;
  /** GET on the data API with the supplier's key. */
  supplierGet(path: string): Promise<{ data: DeviceSettings[] }>;
}

export interface ManufacturerLink {
  link_url: string;
  link_token: string;
  manufacturer_user_id: string;
}

let manufacturerUsers = 0;

export function useFlow2Fixture(f: PageFixture, supplierName = 'Test Energy'): Flow2Fixture {
  const fixture = {} as Flow2Fixture;
  const asManufacturer = async (path: string, body: object) => {
    const res = await fetch(`${f.mock.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': MANUFACTURER_KEY },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  beforeAll(async () => {
    const oauth = await startSupplierOAuthServer(f.mock.url);
    const supplier = (await f.control('POST', '/__nox/organisations', {
      kind: 'supplier',
      name: supplierName,
      oauth_login_url: oauth.loginUrl,
    })) as Flow2Fixture['supplier'];
    oauth.setApiKey(supplier.api_key);
    Object.assign(fixture, {
      oauth,
      supplier,
      createManufacturerLink: (input = {}) =>
        asManufacturer('/v2/manufacturer/link-sessions', {
          user_id: `mfr-user-${++manufacturerUsers}`,
          redirect_url: f.callbackUrl,
          ...input,
        }),
      async createDeprecatedManufacturerLink(userId: string) {
        const body = await asManufacturer('/manufacturers/suppliers', {
          manufacturer_user_id: userId,
          redirect_url: f.callbackUrl,
        });
        return body.data.link_url;
      },
      async acceptOnSupplier(page: Page, supplierUserId = `customer-${++manufacturerUsers}`) {
        await fixture.onSupplierPage(page);
        await page.fill('#supplier-username', supplierUserId);
        await page.check('#terms');
        await page.click('#accept');
      },
      async refuseOnSupplier(page: Page) {
        await fixture.onSupplierPage(page);
        await page.click('#refuse');
      },
      async signInToWebApp(tags = '', language = 'en') {
        const page = await f.newPage();
        await page.goto(`${f.mock.url}/ui/app?language=${language}`);
        await page.click('a[data-brand=daikin]');
        const account = `web-${++manufacturerUsers}${tags}`;
        await logIn(page, account);
        return { page, account };
      },
      async turnOn(page: Page) {
        await page.click('#turn-on');
        await page.click(`button[data-supplier="${supplier.id}"]`);
      },
      async connectFromWebApp() {
        const { page, account } = await fixture.signInToWebApp();
        await fixture.turnOn(page);
        const supplierUserId = `web-customer-${++manufacturerUsers}`;
        await fixture.acceptOnSupplier(page, supplierUserId);
        await page.waitForURL((u) => u.pathname === '/ui/supplier-return');
        return { page, account, supplierUserId };
      },
      async supplierGet(path: string) {
        const res = await fetch(`${f.mock.url}${path}`, { headers: { 'x-api-key': supplier.api_key } });
        return res.json();
      },
      async onSupplierPage(page: Page) {
        await page.waitForURL((url) => url.toString().startsWith(oauth.loginUrl), { timeout: 5000 });
        return new URL(page.url()).searchParams;
      },
    } satisfies Flow2Fixture);
  });
  afterAll(async () => {
    await fixture.oauth?.close();
  });
  return fixture;
}
