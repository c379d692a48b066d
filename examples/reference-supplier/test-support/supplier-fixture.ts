import { afterAll, beforeAll } from 'vitest';
import { startTestServer } from '../../../test/test-support/test-mock.ts';
import { type RunningSupplier, startSupplierServer } from '../start-supplier-server.ts';
import { type SupplierConfig, supplierDefaults } from '../supplier-config.ts';
import { type CustomerClient, createCustomerClient } from './customer-client.ts';
import { freePort } from './free-port.ts';

type Mock = Awaited<ReturnType<typeof startTestServer>>;

/** A reference supplier started against the fixture's mock, with its own NOX organisation. */
export interface StartedSupplier extends RunningSupplier {
  organisationId: string;
  /** The organisation's API key, which the app uses. */
  apiKey: string;
  /** A new customer browser (cookie jar) for this supplier, already logged in as `customerId`. */
  customer(customerId: string): Promise<CustomerClient>;
}

/** What the mock answered to the completion of a link session without a browser. */
export interface Completion {
  redirect_url: string;
  outcome: string;
  error: string | null;
  nox_user_id: string | null;
  device_ids: string[];
}

export interface JournalEntry {
  request: { method: string; path: string; query: Record<string, unknown>; body: unknown };
  response: { status: number };
}

export interface SupplierFixture {
  mock: Mock;
  /** Starts an app with its own organisation (redirect_urls: its origin); stopped after the file. */
  startSupplier(overrides?: Partial<SupplierConfig>): Promise<StartedSupplier>;
  control<T = unknown>(method: string, path: string, body?: object): Promise<T>;
  /** POST /__nox/link-sessions/{token}/complete: the browser's part of the flow in one call. */
  complete(linkToken: string, body: object): Promise<Completion>;
  /** The mock's journal of one organisation's calls to the auth and data APIs. */
  journal(organisationId: string): Promise<JournalEntry[]>;
}

/** One mock per test file; every supplier started through it is stopped after the file. */
export function useSupplierFixture(): SupplierFixture {
  const closers: (() => Promise<void>)[] = [];
  const f = {} as SupplierFixture;
  beforeAll(async () => {
    const mock = await startTestServer();
    closers.push(mock.close);
    const control = async <T>(method: string, path: string, body?: object) => {
      const res = await fetch(`${mock.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    };
    Object.assign(f, {
      mock,
      control,
      complete: (token: string, body: object) =>
        control<Completion>('POST', `/__nox/link-sessions/${encodeURIComponent(token)}/complete`, body),
      journal: async (organisationId: string) =>
        (
          await control<{ entries: JournalEntry[] }>(
            'GET',
            `/__nox/journal?organisation_id=${organisationId}`,
          )
        ).entries,
      async startSupplier(overrides: Partial<SupplierConfig> = {}) {
        const port = await freePort();
        const origin = `http://127.0.0.1:${port}`;
        const org = await control<{ id: string; api_key: string }>('POST', '/__nox/organisations', {
          kind: 'supplier',
          name: 'Reference Energy',
          redirect_urls: [origin],
          oauth_login_url: `${origin}/oauth/nox`,
          webhook_url: `${origin}/nox/webhooks`,
        });
        const server = await startSupplierServer(
          {
            noxAuthUrl: mock.url,
            noxApiUrl: mock.url,
            noxApiKey: org.api_key,
            host: '127.0.0.1',
            port,
            publicUrl: undefined,
            flaw: null,
            noxTimeoutMs: supplierDefaults.noxTimeoutMs,
            // Short waits: the retries are what is tested, not their pacing.
            postRetryDelaysMs: [20, 20, 20],
            ...overrides,
          },
          // The mock's clock is pinned (2026-01-01): the app judges webhook timestamps by the same time.
          { nowSeconds: () => Math.floor(mock.time.nowMs() / 1000) },
        );
        closers.push(server.close);
        const customer = async (customerId: string) => {
          const client = createCustomerClient(server.url);
          await client.logIn(customerId);
          return client;
        };
        return { ...server, organisationId: org.id, apiKey: org.api_key, customer };
      },
    } satisfies SupplierFixture);
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });
  return f;
}

/** The link token in NOX's link_url the app redirected to. */
export function linkTokenOf(location: string | null): string {
  const token = location ? new URL(location).searchParams.get('token') : null;
  if (!token) throw new Error(`The app did not redirect to a NOX link_url (Location: ${location})`);
  return token;
}
