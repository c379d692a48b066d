import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { PageFixture } from './page-fixture.ts';
import { startSupplierOAuthServer } from './supplier-oauth-server.ts';

type SupplierOAuth = Awaited<ReturnType<typeof startSupplierOAuthServer>>;

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
