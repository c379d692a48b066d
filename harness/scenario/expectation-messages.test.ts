import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StartedMock } from '../../mock-nox/index.ts';
import type { Organisation } from '../../openapi/wire-types.ts';
import type { ScenarioFailure } from '../report/run-result.ts';
import { runScenario, type ScenarioEnv } from '../runner/run-scenario.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { type InlineScenarioEnv, startInlineScenarioEnv } from './test-support/scenario-env.ts';

let inline: InlineScenarioEnv;
let mock: StartedMock;
let org: Organisation;
let env: ScenarioEnv;
const redirect = 'http://127.0.0.1:3999/callback';

beforeAll(async () => {
  inline = await startInlineScenarioEnv('Msg Energy', redirect);
  ({ mock, org, env } = inline);
});

afterAll(() => inline?.stop());

/** The calls a supplier makes, made here with (or without) a key, as its backend would. */
const call = (path: string, init: { key?: string; body?: unknown } = {}) =>
  fetch(`${mock.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(init.key ? { 'x-api-key': init.key } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function failureOf(body: (t: ScenarioContext) => Promise<void>): Promise<ScenarioFailure | undefined> {
  const scenario = { id: 'msg', name: 'msg', rule: 'r', severity: 'required' as const, tags: [], run: body };
  return (await runScenario(scenario, env)).failure;
}

describe("expectation messages name the supplier's mistake", () => {
  test('a link creation NOX answered 400 quotes the body keys sent and the one v2 expects', async () => {
    const failure = await failureOf(async (t) => {
      await call('/v2/supplier/link-sessions', {
        key: org.api_key,
        body: { user_id: t.user, redirect_uri: redirect, asset_type: 'hp' },
      });
      await t.nox.latestLinkSession();
    });
    expect(failure?.actual).toContain(
      '(it sent asset_type, redirect_uri, user_id; POST /v2/supplier/link-sessions expects redirect_url and knows no redirect_uri)',
    );
  });

  test('no device read with the key: the reads made without a key or with an unknown key are named', async () => {
    const failure = await failureOf(async (t) => {
      const created = await call('/v2/supplier/link-sessions', {
        key: org.api_key,
        body: { user_id: t.user, redirect_url: redirect, asset_type: 'hp' },
      });
      const { link_token } = (await created.json()) as { link_token: string };
      await t.platform.complete(link_token, { brand: 'daikin', username: 'someone' });
      const noxUser = (await t.platform.noxUser())?.id;
      await call(`/v1/devices?user_id=${noxUser}`);
      await call(`/v1/devices?user_id=${noxUser}`, { key: 'sk_not_a_key' });
      await call('/v1/devices?user_id=someone-elses-user');
      await t.expect.fetchedDevicesFor(String(noxUser));
    });
    expect(failure?.actual).toMatch(
      /^the supplier made GET \/v1\/devices\?user_id=\S+ without a key \(401\); GET \/v1\/devices\?user_id=\S+ with a key NOX does not know \(401\)$/,
    );
  });

  // The supplier sent the browser to NOX's return page without the state NOX gave its OAuth page: NOX's
  // error page is all there is, so both parties' reads say so at once (they used to wait for a page).
  test.each(['webApp', 'manufacturer'] as const)(
    'a return to NOX without state is a verdict naming where the browser went (%s)',
    async (party) => {
      const failure = await failureOf(async (t) => {
        await t.page.goto(`${mock.url}/ui/supplier-return?error=access_denied`);
        await t[party].result();
      });
      expect(failure?.code).toBe('EXPECTATION_FAILED');
      expect(failure?.expected).toBe(
        "the supplier to send the browser back to NOX's redirect_uri with the state NOX gave its OAuth page",
      );
      expect(failure?.actual).toMatch(
        /^it sent the browser to http:\/\/\S+\/ui\/supplier-return\?error=access_denied without state: NOX cannot tell which link that ends, showing ".*The return to NOX has no state/,
      );
    },
  );

  // This one and the four below each wait out a page's timeout for what never comes: side by side, so the
  // file waits once (each has its own browser context; none of them reads the journal).
  test.concurrent('NOX’s return page showing no result is a verdict naming the page, not a harness timeout', async () => {
    const failure = await failureOf(async (t) => {
      await t.page.goto(`${mock.url}/ui/supplier-return?state=not-a-state`);
      await t.webApp.result();
    });
    expect(failure?.code).toBe('EXPECTATION_FAILED');
    expect(failure?.actual).toMatch(
      /^the browser is on http:\/\/\S+\/ui\/supplier-return\?state=not-a-state, showing ".*does not know this return link/,
    );
  });

  // On NOX's pages but not the one a step needs (here NOX's error page, as after a link_url NOX cannot
  // open): each step of the user on NOX is a verdict naming the page, not a harness timeout.
  test.concurrent.each([
    ['chooseBrand', 'the brand daikin-x', (t: ScenarioContext) => t.nox.chooseBrand('daikin-x')],
    ['logIn', "the manufacturer's login", (t: ScenarioContext) => t.nox.logIn('someone')],
    ['enterCode', 'the one-time code', (t: ScenarioContext) => t.nox.enterCode()],
    ['cancel', "the manufacturer's cancel", (t: ScenarioContext) => t.nox.cancel()],
  ] as const)('a NOX page without what %s needs is a verdict naming the page', async (_, what, act) => {
    const failure = await failureOf(async (t) => {
      await t.page.goto(`${mock.url}/ui/supplier-return?state=not-a-state`);
      await act(t);
    });
    expect(failure?.code).toBe('EXPECTATION_FAILED');
    expect(failure?.expected).toBe(`NOX's page to offer ${what}`);
    expect(failure?.actual).toMatch(
      /^the browser is on http:\/\/\S+\/ui\/supplier-return\?state=not-a-state, showing ".*does not know this return link/,
    );
  });
});
