import { describe, expect, test } from 'vitest';
import { createCustomerClient } from './test-support/customer-client.ts';
import { startAtWebApp, submitOAuthForm } from './test-support/oauth-start.ts';
import { markers } from './test-support/page-markers.ts';
import {
  type JournalEntry,
  type SupplierFixture,
  useSupplierFixture,
} from './test-support/supplier-fixture.ts';

const readBack = async (url: string, customerId: string) =>
  (await fetch(`${url}/__testkit/customers/${customerId}`)).json();
const posts = async (f: SupplierFixture, organisationId: string) =>
  (await f.journal(organisationId)).filter((e) => e.request.path === '/post-login-redirect');
/** Every POST /post-login-redirect for `state`: the mock journals a call its fault answered without the organisation. */
const postsFor = async (f: SupplierFixture, state: string) =>
  (await f.control<{ entries: JournalEntry[] }>('GET', '/__nox/journal')).entries.filter(
    (e) =>
      e.request.path === '/post-login-redirect' && (e.request.body as { state?: string })?.state === state,
  );
const failPost = (f: SupplierFixture, organisationId: string, fault: object) =>
  f.control('PUT', '/__nox/faults', {
    organisation_id: organisationId,
    routes: [{ method: 'POST', path: '/post-login-redirect', ...fault }],
  });

describe('the OAuth page of the manufacturer-app flow (over HTTP, NOX played through the control API)', () => {
  const f = useSupplierFixture();

  test('shows the login and the terms, with NOX’s state and redirect_uri in the form', async () => {
    const app = await f.startSupplier();
    const start = await startAtWebApp(f, app);
    expect(start.oauthUrl.startsWith(`${app.url}/oauth/nox?`)).toBe(true);
    const page = await (await app.customer('olga')).get(start.oauthUrl);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`name="state" value="${start.state}"`);
    expect(page.text).toContain(`name="redirect_uri" value="${start.redirectUri}"`);
    expect(page.text).toContain(
      'id="customer_id" name="customer_id" maxlength="100" autocomplete="username" value="olga"',
    );
    expect(page.text).toContain('data-testid="refuse-terms"');
  });

  test('accepted: POSTs the logged-in customer to NOX, stores the link and goes to the URL NOX answered', async () => {
    const app = await f.startSupplier();
    const start = await startAtWebApp(f, app);
    const answer = await submitOAuthForm(await app.customer('pia'), start, { customer_id: 'pia' });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${f.mock.url}/ui/supplier-return?state=${start.state}`);
    const [post, ...more] = await posts(f, app.organisationId);
    expect(more).toEqual([]);
    expect(post?.request.body).toEqual({ state: start.state, user_id: 'pia' });
    expect(await readBack(app.url, 'pia')).toMatchObject({
      status: 'connected',
      nox_user_id: start.nox_user_id,
      brand: 'daikin',
      linked_via: 'manufacturer-app',
    });
    const back = await fetch(answer.location ?? '', { redirect: 'manual' });
    expect(await back.text()).not.toContain('supplier_not_confirmed');
    // The settings page works at once: the app read its copy right after NOX confirmed.
    const settings = await (await app.customer('pia')).get('/settings');
    expect(settings.status).toBe(200);
  });

  test('names the customer who logged in on the page, whoever logged in elsewhere meanwhile', async () => {
    const app = await f.startSupplier();
    const start = await startAtWebApp(f, app);
    await app.customer('someone-else');
    await submitOAuthForm(createCustomerClient(app.url), start, { customer_id: 'pete' });
    const [post] = await posts(f, app.organisationId);
    expect(post?.request.body).toEqual({ state: start.state, user_id: 'pete' });
  });

  test('retries the same POST after NOX’s 5xx and then goes on as usual', async () => {
    const app = await f.startSupplier();
    await failPost(f, app.organisationId, { status: 503, times: 2 });
    const start = await startAtWebApp(f, app);
    const answer = await submitOAuthForm(await app.customer('quin'), start, { customer_id: 'quin' });
    expect(answer.location).toBe(`${f.mock.url}/ui/supplier-return?state=${start.state}`);
    const sent = await postsFor(f, start.state);
    expect(sent.map((e) => e.response.status)).toEqual([503, 503, 200]);
    expect(new Set(sent.map((e) => JSON.stringify(e.request.body))).size).toBe(1);
    expect((await readBack(app.url, 'quin')).status).toBe('connected');
  });

  test('retries after a timeout', async () => {
    const app = await f.startSupplier({ noxTimeoutMs: 300 });
    await failPost(f, app.organisationId, { latency_ms: 1000, times: 1 });
    const start = await startAtWebApp(f, app);
    const answer = await submitOAuthForm(await app.customer('rosa'), start, { customer_id: 'rosa' });
    expect(answer.location).toBe(`${f.mock.url}/ui/supplier-return?state=${start.state}`);
    expect((await readBack(app.url, 'rosa')).status).toBe('connected');
  });

  test('gives up after its retries: the failure page, nothing stored as connected', async () => {
    const app = await f.startSupplier();
    await failPost(f, app.organisationId, { status: 502 });
    const start = await startAtWebApp(f, app);
    const page = await submitOAuthForm(await app.customer('sami'), start, { customer_id: 'sami' });
    expect(markers.errorCode(page.text)).toBe('nox_unavailable');
    expect((await postsFor(f, start.state)).map((e) => e.response.status)).toEqual([502, 502, 502, 502]);
    expect((await readBack(app.url, 'sami')).status).toBe('not_connected');
  });

  test.each([
    ['a state NOX does not know (404)', 'login_not_confirmed', 'unknown'],
    ['a state already confirmed for another customer (409)', 'login_not_confirmed', 'replayed'],
    ['an expired state (410)', 'session_expired', 'expired'],
  ])('shows the failure page for %s and stores nothing', async (_what, code, how) => {
    const app = await f.startSupplier();
    const start = await startAtWebApp(f, app);
    if (how === 'unknown') start.state = 'not-a-state';
    if (how === 'replayed') await submitOAuthForm(await app.customer('tom'), start, { customer_id: 'tom' });
    if (how === 'expired')
      await f.control('POST', '/__nox/clock/advance', { seconds: 901, organisation_id: app.organisationId });
    const page = await submitOAuthForm(await app.customer('uma'), start, { customer_id: 'uma' });
    expect(page.status).toBe(409);
    expect(markers.errorCode(page.text)).toBe(code);
    expect(markers.isConnected(page.text)).toBe(false);
    expect((await readBack(app.url, 'uma')).status).toBe('not_connected');
  });

  test('ignores a redirect_uri that was tampered with: the browser goes where NOX answered', async () => {
    const app = await f.startSupplier();
    const start = await startAtWebApp(f, app);
    const answer = await submitOAuthForm(await app.customer('vic'), start, {
      customer_id: 'vic',
      redirect_uri: 'https://evil.example/steal',
    });
    expect(answer.location).toBe(`${f.mock.url}/ui/supplier-return?state=${start.state}`);
  });

  test('refused: back to NOX’s redirect_uri with error=access_denied and the state', async () => {
    const app = await f.startSupplier();
    const start = await startAtWebApp(f, app);
    const answer = await submitOAuthForm(await app.customer('wim'), start, { decision: 'refuse' });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${start.redirectUri}?error=access_denied&state=${start.state}`);
    expect(await posts(f, app.organisationId)).toEqual([]);
    const back = await fetch(answer.location ?? '', { redirect: 'manual' });
    expect(await back.text()).toContain('access_denied');
  });

  test('refuses to send a refusal anywhere but NOX’s return page (no open redirect)', async () => {
    const app = await f.startSupplier();
    const start = await startAtWebApp(f, app);
    const page = await submitOAuthForm(await app.customer('xia'), start, {
      decision: 'refuse',
      redirect_uri: 'https://evil.example/steal',
    });
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(markers.errorCode(page.text)).toBe('invalid_request');
  });

  test('answers one clear error for a page without state and a blank customer id', async () => {
    const app = await f.startSupplier();
    const customer = await app.customer('yan');
    const noState = await customer.get('/oauth/nox?redirect_uri=x');
    expect([noState.status, markers.errorCode(noState.text)]).toEqual([400, 'invalid_request']);
    const start = await startAtWebApp(f, app);
    const blank = await submitOAuthForm(customer, start, { customer_id: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.text).toContain('A customer id is 1 to 100 printable characters.');
    expect(await posts(f, app.organisationId)).toEqual([]);
  });
});
