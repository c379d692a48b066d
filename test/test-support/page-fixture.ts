import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from '../../harness/browser/launch-browser.ts';
import { startCallbackServer } from './callback-server.ts';
import { startTestServer } from './test-mock.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export interface V2SessionInput {
  user_id?: string;
  redirect_url?: string;
  asset_type?: 'hp' | 'pv';
  brand?: string;
  language?: string;
}

/** One mock, one supplier callback and one browser per test file; a fresh browser context per test. */
export interface PageFixture {
  mock: TestServer;
  /** The supplier callback page the mock redirects to (`<origin>/callback`). */
  callbackUrl: string;
  browser: Browser;
  /** A page in a new browser context, closed after the test. */
  newPage(): Promise<Page>;
  /** Calls the mock's control API (PUT /__nox/policies, PUT /__nox/faults, …). */
  control(method: string, path: string, body: object): Promise<unknown>;
  /** Creates a v2 link session as the demo supplier and opens its link_url in a new page. */
  openV2Link(input?: V2SessionInput): Promise<{ page: Page; link: V2Link }>;
  createV2Session(input?: V2SessionInput): Promise<V2Link>;
  createV1Session(userId: string, input?: { brand?: string; language?: string }): Promise<string>;
}

export interface V2Link {
  link_url: string;
  link_token: string;
  supplier_user_id: string;
}

let userCount = 0;

/** Registers the hooks that start and stop the fixture; its fields are set once beforeAll ran. */
export function usePageFixture(): PageFixture {
  const contexts: BrowserContext[] = [];
  const closers: (() => Promise<void>)[] = [];
  const fixture = {} as PageFixture;

  beforeAll(async () => {
    const [mock, callback, browser] = await Promise.all([
      startTestServer(),
      startCallbackServer(),
      launchBrowser(),
    ]);
    closers.push(() => browser.close(), callback.close, mock.close);
    const send = async (method: string, path: string, body: object) => {
      const res = await fetch(`${mock.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-api-key': 'api_key_123' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const post = (path: string, body: object) => send('POST', path, body);
    const callbackUrl = `${callback.url}/callback`;
    Object.assign(fixture, {
      mock,
      callbackUrl,
      browser,
      control: send,
      async newPage() {
        const context = await browser.newContext();
        contexts.push(context);
        return context.newPage();
      },
      async createV2Session(input: V2SessionInput = {}) {
        const body = {
          user_id: `user_${++userCount}`,
          redirect_url: callbackUrl,
          asset_type: 'hp',
          ...input,
        };
        return post('/v2/supplier/link-sessions', body);
      },
      async createV1Session(userId: string, input = {}) {
        const body = await post(`/users/${encodeURIComponent(userId)}/link`, {
          redirect_uri: callbackUrl,
          ...input,
        });
        return body.data.link_url;
      },
      async openV2Link(input?: V2SessionInput) {
        const link = await fixture.createV2Session(input);
        const page = await fixture.newPage();
        await page.goto(link.link_url);
        return { page, link };
      },
    } satisfies PageFixture);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });
  return fixture;
}
