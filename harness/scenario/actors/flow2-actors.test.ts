import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StartedMock, startMock } from '../../../mock-nox/index.ts';
import type { Organisation } from '../../../openapi/wire-types.ts';
import { startSupplierOAuthServer } from '../../../test/test-support/supplier-oauth-server.ts';
import { verifyNoxWebhook } from '../../../test/test-support/verify-nox-webhook.ts';
import { startWebhookReceiver } from '../../../test/test-support/webhook-receiver.ts';
import { launchBrowser } from '../../browser/launch-browser.ts';
import type { SupplierAdapter } from '../../config/define-config.ts';
import type { ScenarioResult } from '../../report/run-result.ts';
import { type ManufacturerApp, startManufacturerApp } from '../../runner/manufacturer-app.ts';
import { createMockClient } from '../../runner/mock-client.ts';
import { runScenario, type ScenarioEnv } from '../../runner/run-scenario.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { createManufacturerOrgs } from './manufacturer-orgs.ts';

let mock: StartedMock;
let browser: Browser;
let oauth: Awaited<ReturnType<typeof startSupplierOAuthServer>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let app: ManufacturerApp;
let org: Organisation;
let env: ScenarioEnv;

/** The stand-in supplier's OAuth page (test/test-support/supplier-oauth-server.ts), driven as an adapter would. */
const adapter = {
  name: 'Flow Two Energy',
  url: 'http://127.0.0.1:9',
  hooks: {
    startConnection: async () => undefined,
    readOutcome: async () => null,
    logInOnOAuthPage: async ({ page, user }) => {
      await page.fill('#supplier-username', user);
      await page.check('#terms');
      await page.click('#accept');
    },
    refuseOnOAuthPage: async ({ page }) => void (await page.click('#refuse')),
    failNextWebhook: async () => void receiver.answers.push(500),
  },
} satisfies SupplierAdapter;

beforeAll(async () => {
  mock = await startMock();
  [oauth, receiver, app, browser] = await Promise.all([
    startSupplierOAuthServer(mock.url),
    startWebhookReceiver(),
    startManufacturerApp(),
    launchBrowser(),
  ]);
  org = await mock.control.createOrganisation({
    kind: 'supplier',
    name: 'Flow Two Energy',
    oauth_login_url: oauth.loginUrl,
    webhook_url: `${receiver.url}/nox-webhooks`,
  });
  oauth.setApiKey(org.api_key);
  const client = createMockClient(mock.url);
  env = {
    browser,
    adapter,
    supplierUrl: adapter.url,
    mock: client,
    organisationId: org.id,
    organisation: org,
    manufacturers: createManufacturerOrgs(client, app.callbackUrl),
    manufacturerCallbackUrl: app.callbackUrl,
    reportDir: mkdtempSync(join(tmpdir(), 'nox-flow2-')),
    timeoutMs: 30_000,
    retries: 0,
  };
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([oauth?.close(), receiver?.close(), app?.stop()]);
  await mock?.stop();
});

/** Runs `body` as a scenario through the runner; fails the test with the scenario's own failure. */
async function scenario(body: (t: ScenarioContext) => Promise<void>, more: Partial<ScenarioEnv> = {}) {
  const result: ScenarioResult = await runScenario(
    {
      id: 'flow2',
      name: 'flow 2',
      rule: 'r',
      severity: 'required',
      tags: [],
      flow: 'manufacturer-app',
      run: body,
    },
    { ...env, ...more },
  );
  if (result.status === 'failed') throw new Error(JSON.stringify(result.failure));
  return result;
}

describe('the flow-2 actors against the real mock and Chromium', () => {
  test("t.manufacturer: a v2 link through NOX's selector and the supplier's OAuth page ends connected in the manufacturer's app", async () => {
    let seen: unknown;
    let end: unknown;
    let settings: unknown[] = [];
    let noxUser = null as { id: string; device_ids: string[] } | null;
    const result = await scenario(async (t) => {
      seen = await t.manufacturer.startConnection({ manufacturerUserId: 'mfr-user-7', language: 'en' });
      await t.supplier.logInOnOAuthPage();
      end = await t.manufacturer.result();
      noxUser = await t.platform.noxUser();
      settings = await t.manufacturer.readsSettings();
    });
    const state = (seen as { state: string }).state;
    expect(seen).toMatchObject({ oauthUrl: expect.stringContaining(`${oauth.loginUrl}?`) });
    expect(new URL((seen as { oauthUrl: string }).oauthUrl).searchParams.get('state')).toBe(state);
    expect(end).toEqual({
      outcome: 'connected',
      nox_user_id: noxUser?.id,
      manufacturer_user_id: 'mfr-user-7',
      supplier: 'Flow Two Energy',
      device_ids: noxUser?.device_ids,
    });
    expect(settings.map((s) => (s as { device_id: string }).device_id)).toEqual(noxUser?.device_ids);
    // The supplier's POST is in the scenario's journal; the manufacturer's own calls are not.
    const paths = result.journal.map((e) => `${e.request.method} ${e.request.path}`);
    expect(paths).toContain('POST /post-login-redirect');
    expect(paths.some((p) => p.includes('/manufacturer'))).toBe(false);
    expect(result.steps.map((s) => s.name)).toContain(
      "Choose Flow Two Energy in NOX's energy-supplier selector",
    );
  });

  test('t.manufacturer: the deprecated endpoint and a refusal end in error=access_denied', async () => {
    let end: unknown;
    await scenario(async (t) => {
      await t.manufacturer.startConnection({ api: 'deprecated', brand: 'daikin' });
      await t.supplier.refuseOnOAuthPage();
      end = await t.manufacturer.result();
    });
    expect(end).toMatchObject({ outcome: 'failed', error: 'access_denied' });
  });

  test("t.webApp: sign in, turn on, choose, log in: NOX's success page; a settings change reaches the webhook receiver, signed", async () => {
    let end: unknown;
    let noxUserId: string | undefined;
    let replayed = 0;
    let forged = 0;
    receiver.received.length = 0;
    const result = await scenario(async (t) => {
      await t.webApp.startConnection({ username: 'web-user+devices2' });
      await t.supplier.logInOnOAuthPage();
      end = await t.webApp.result();
      noxUserId = (await t.platform.noxUser())?.id;
      await t.webApp.changeSettings({ room: { preferred_temperature: 21.5 } } as never);
      const [delivery] = await t.webhooks.settle();
      expect(delivery?.attempts[0]?.response_status).toBe(200);
      replayed = await t.webhooks.resend(delivery as never, 'replay');
      forged = await t.webhooks.resend(delivery as never, 'forged');
    });
    expect(end).toMatchObject({ outcome: 'connected', nox_user_id: noxUserId, manufacturer_user_id: null });
    expect((end as { device_ids: string[] }).device_ids).toHaveLength(2);
    expect([replayed, forged]).toEqual([200, 200]);
    const [first, replay, forgery] = receiver.at('/nox-webhooks');
    const verify = (r: typeof first) =>
      verifyNoxWebhook(
        r?.rawBody ?? '',
        r?.headers ?? {},
        org.api_key,
        Number(r?.headers['x-webhook-timestamp']),
      );
    expect(replay?.rawBody).toBe(first?.rawBody);
    expect([verify(first), verify(replay), verify(forgery)]).toEqual([true, true, false]);
    // The forgery is a new event (its own id, another value), so acting on it shows as an id NOX never sent.
    const [genuineEvent, forgedEvent] = [first, forgery].map((r) => JSON.parse(r?.rawBody ?? '{}'));
    expect(forgery?.headers['x-webhook-id']).toBe(`${forgedEvent.id}:${forgedEvent.type}`);
    expect(forgedEvent.id).not.toBe(genuineEvent.id);
    expect(forgedEvent.data.value).toBe(genuineEvent.data.value + 1);
    // The attempt is in the scenario's journal, as the mock recorded it.
    const attempts = result.journal.filter((e) => e.area === 'webhook');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.request.body).toEqual(JSON.parse(first?.rawBody ?? '{}'));
  });

  test("t.supplier.failNextWebhook: the receiver's 5xx leaves the delivery waiting for its retry, and settle returns", async () => {
    let status: unknown;
    await scenario(async (t) => {
      await t.webApp.startConnection();
      await t.supplier.logInOnOAuthPage();
      await t.webApp.result();
      await t.supplier.failNextWebhook();
      await t.manufacturer.changesSettings({ room: { preferred_temperature: 20 } });
      const list = await t.webhooks.settle();
      status = list.map((d) => [d.status, d.attempts.map((a) => a.outcome)]);
    });
    expect(status).toEqual([['pending', ['retry_scheduled']]]);
  });

  test("flow-2 actors skip with the reason when the run's organisation has no oauth_login_url or webhook_url", async () => {
    const bare = { ...org, oauth_login_url: null, webhook_url: null };
    const web = await runScenario(
      {
        id: 'x',
        name: 'x',
        rule: 'r',
        severity: 'required',
        tags: [],
        run: async (t) => void (await t.webApp.startConnection()),
      },
      { ...env, organisation: bare },
    );
    const hooks = await runScenario(
      {
        id: 'y',
        name: 'y',
        rule: 'r',
        severity: 'required',
        tags: [],
        run: async (t) => void (await t.webhooks.deliveries()),
      },
      { ...env, organisation: bare },
    );
    expect(web).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('has no oauth_login_url'),
    });
    expect(hooks).toMatchObject({ status: 'skipped', reason: expect.stringContaining('has no webhook_url') });
  });
});
