import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../../harness/browser/launch-browser.ts';
import { createFakeTime } from '../../../test/test-support/test-mock.ts';
import { startWebhookReceiver } from '../../../test/test-support/webhook-receiver.ts';
import { openStore, type RunningServer, startServer } from '../../index.ts';

// biome-ignore lint/suspicious/noExplicitAny: control API answers are read field by field
type Json = any;

let browser: Browser;
const closers: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
afterAll(() => browser.close());

/** A listening mock on a fake clock; webhooks go out only when asked (the dashboard's "Deliver what is due"). */
async function startMock(options: { adminToken?: string } = {}) {
  const store = await openStore({ inMemory: true });
  const server = await startServer(
    { store, time: createFakeTime(), webhooks: { autoDeliver: false }, ...options },
    '127.0.0.1',
    0,
  );
  closers.push(() => server.close());
  return server;
}

async function call(mock: RunningServer, method: string, path: string, body?: object, key?: string) {
  const res = await fetch(mock.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  closers.push(() => context.close());
  return context.newPage();
}

/** Waits until an element matching the selector shows the text (the dashboard polls once a second). */
const shows = (page: Page, selector: string, text: string | RegExp) =>
  page.locator(selector).filter({ hasText: text }).first().waitFor();

describe('the dashboard at /__nox/ui', () => {
  test('walks a link made by an app: the organisation, the link session, its journal, the clock past expiry, a webhook delivery and a redelivery', async () => {
    const mock = await startMock();
    const receiver = await startWebhookReceiver();
    closers.push(() => receiver.close());
    const callback = 'http://127.0.0.1:3999/callback';
    const supplier = (
      await call(mock, 'POST', '/__nox/organisations', {
        kind: 'supplier',
        name: 'Volt Energy',
        redirect_urls: [callback],
        webhook_url: `${receiver.url}/nox-webhooks`,
      })
    ).body;
    await call(mock, 'POST', '/__nox/organisations', {
      kind: 'supplier',
      name: '<img src=x onerror="window.pwned=1">',
    });
    // The app makes a link, and its user opens it: NOX's page links to the dashboard from its footer.
    const made = await call(
      mock,
      'POST',
      '/v2/supplier/link-sessions',
      { user_id: 'cust_1', redirect_url: callback, asset_type: 'hp' },
      supplier.api_key,
    );
    expect(made.status).toBe(201);
    const page = await newPage();
    await page.goto(made.body.link_url);
    await page.click('footer a[href="/__nox/ui"]');
    await page.waitForURL(/\/__nox\/ui/);
    await page.click(`#orgs a[data-org="${supplier.id}"]`);

    // The organisation: its key masked until asked for, its redirect URL and webhook_url.
    await shows(page, '#org-fields', 'Volt Energy');
    const fields = await page.textContent('#org-fields');
    expect(fields).not.toContain(supplier.api_key);
    expect(fields).toContain(callback);
    expect(fields).toContain(`${receiver.url}/nox-webhooks`);
    await page.click('#org-fields button:text("Show")');
    expect(await page.textContent('.api-key')).toBe(supplier.api_key);
    // Names are shown as text, never parsed as markup.
    await shows(page, '#orgs', '<img src=x onerror="window.pwned=1">');
    expect(await page.locator('#orgs img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

    // The journal: the app's call, 201, opened to its whole exchange; filters.
    await page.click('#tabs a[data-tab="journal"]');
    const line = page
      .locator('#journal-list details')
      .filter({ has: page.locator('summary .path', { hasText: '/v2/supplier/link-sessions' }) });
    await line.filter({ hasText: '201' }).waitFor();
    await line.locator('summary').click();
    await shows(page, '#journal-list .response-body', made.body.link_token);
    expect(await line.locator('.request-body').textContent()).toContain('"user_id": "cust_1"');
    await page.selectOption('select[aria-label=Status]', '4');
    await shows(page, '#journal-list', 'No call matches these filters.');
    await page.selectOption('select[aria-label=Status]', '2');
    await page.fill('#journal-text', 'cust_1');
    await line.waitFor();

    // The link session with its time left; then the clock goes past its expiry (600 s).
    await page.click('#tabs a[data-tab="sessions"]');
    const row = page.locator('#link-sessions tr').filter({ hasText: 'cust_1' });
    await row.filter({ hasText: 'pending' }).filter({ hasText: '10 min left' }).waitFor();
    expect(await row.locator('a.open-page').getAttribute('href')).toBe(
      `/ui?token=${made.body.link_token}&language=nl`,
    );
    await page.click('#tabs a[data-tab="clock"]');
    await page.fill('#advance-amount', '11');
    await page.click('#view button:text-is("Advance")');
    await shows(page, '#notice', 'went forward 11 min');
    await shows(page, '#clock-sessions tr', /failed\s*session_expired/);
    const state = (await call(mock, 'GET', `/__nox/state?organisation_id=${supplier.id}`)).body;
    expect(state.link_sessions).toMatchObject([
      { token: made.body.link_token, status: 'failed', error: 'session_expired' },
    ]);
    await page.click('#tabs a[data-tab="sessions"]');
    await row.filter({ hasText: 'session_expired' }).waitFor();

    // A second link, completed headlessly from the dashboard; the user's settings change queues a webhook.
    const second = await call(
      mock,
      'POST',
      '/v2/supplier/link-sessions',
      { user_id: 'cust_2', redirect_url: callback, brand: 'daikin', asset_type: 'hp' },
      supplier.api_key,
    );
    const pending = page.locator('#link-sessions tr').filter({ hasText: 'cust_2' });
    await pending.locator('button:text("Complete")').click();
    await shows(page, '#notice', `Link session ${second.body.link_token.slice(0, 12)}…: connected`);
    const linked = (await call(mock, 'GET', `/__nox/state?organisation_id=${supplier.id}`)).body.nox_users[0];
    await call(mock, 'PATCH', `/__nox/users/${linked.id}/settings`, { room: { preferred_temperature: 19 } });

    await page.click('#tabs a[data-tab="webhooks"]');
    const delivery = page.locator('#deliveries details').first();
    await delivery.filter({ hasText: 'user.settings.room.preferred_temperature.updated' }).waitFor();
    await delivery.filter({ hasText: '0 attempts' }).waitFor();
    await page.click('#view button:text("Deliver what is due")');
    await shows(page, '#notice', '1 attempt made');
    await delivery.filter({ hasText: 'delivered' }).filter({ hasText: '1 attempt' }).waitFor();
    expect(receiver.at('/nox-webhooks')).toHaveLength(1);
    await delivery.locator('button:text("Redeliver now")').click();
    await shows(page, '#notice', 'Redelivered user.settings.room.preferred_temperature.updated: delivered');
    await delivery.filter({ hasText: '2 attempts' }).waitFor();
    expect(receiver.at('/nox-webhooks')).toHaveLength(2);
    await delivery.locator('summary .path').click();
    const attempts = delivery.locator('table tbody tr');
    expect(await attempts.count()).toBe(2);
    expect(await attempts.nth(1).textContent()).toContain('redelivery');
    const signature = String(receiver.at('/nox-webhooks')[1]?.headers['x-webhook-signature']);
    expect(await attempts.nth(1).locator('pre').textContent()).toContain(`X-Webhook-Signature: ${signature}`);
  });

  test('the journal says in words what was wrong with a call and what the mock warned about', async () => {
    const mock = await startMock();
    const key = 'api_key_123';
    await call(mock, 'POST', '/v2/supplier/link-sessions', { user_id: 'cust_1' }, key);
    const session = await call(
      mock,
      'POST',
      '/v2/supplier/link-sessions',
      { user_id: 'cust_2', redirect_url: 'https://your-app.com/callback', brand: 'daikin', asset_type: 'hp' },
      key,
    );
    const done = await call(mock, 'POST', `/__nox/link-sessions/${session.body.link_token}/complete`, {
      username: 'alice',
    });
    await call(
      mock,
      'PATCH',
      '/v1/devices/settings',
      { user_id: done.body.nox_user_id, dhw: { temperature_lower_bound: 35 } },
      key,
    );
    const page = await newPage();
    await page.goto(`${mock.url}/__nox/ui#org=supplier_123&tab=journal`);
    const refused = page
      .locator('#journal-list details')
      .filter({ has: page.locator('summary', { hasText: '400' }) });
    await refused.locator('summary').click();
    await shows(page, '#journal-list li.said-problem', 'redirect_url');
    const warned = page
      .locator('#journal-list details')
      .filter({ has: page.locator('summary .path', { hasText: '/v1/devices/settings' }) });
    await warned.filter({ hasText: 'warning' }).locator('summary').click();
    await shows(page, '#journal-list li.said-warning', 'legionella');
  });

  test('switches a policy and sets, shows and clears faults, all through the control API', async () => {
    const mock = await startMock();
    const page = await newPage();
    await page.goto(`${mock.url}/__nox/ui#org=supplier_123&tab=policies`);
    await page.selectOption('select[data-policy=same_supplier_user]', 'merge');
    await shows(page, '#notice', 'same_supplier_user is now merge for Acme Energy');
    expect(
      (await call(mock, 'GET', '/__nox/policies?organisation_id=supplier_123')).body.same_supplier_user,
    ).toBe('merge');
    expect((await call(mock, 'GET', '/__nox/policies')).body.same_supplier_user).toBe('replace');
    // The package is a policy: the organisation view shows the one in force.
    await page.selectOption('select[data-policy=package]', 'full-control');
    await shows(page, '#notice', 'package is now full-control for Acme Energy');
    await page.goto(`${mock.url}/__nox/ui#org=supplier_123&tab=organisation`);
    await shows(page, '#org-fields', 'full-control');
    await page.goto(`${mock.url}/__nox/ui#org=supplier_123&tab=policies`);

    await page.check('input[data-brand=vaillant]');
    await shows(page, '#notice', 'vaillant is in an outage');
    await page.fill('#fault-route', 'POST /v2/supplier/link-sessions');
    await page.fill('#fault-status', '503');
    await page.fill('#fault-latency', '5');
    await page.fill('#fault-times', '1');
    await page.click('#view button:text("Add fault")');
    await shows(page, '#route-faults tr', /POST\s*\/v2\/supplier\/link-sessions\s*503\s*5 ms\s*next 1/);
    // A second fault keeps the first (the form was built before either was read).
    await page.fill('#fault-route', 'GET /v1/devices');
    await page.fill('#fault-status', '500');
    await page.fill('#fault-latency', '');
    await page.fill('#fault-times', '');
    await page.click('#view button:text("Add fault")');
    await shows(page, '#route-faults tr', /GET\s*\/v1\/devices\s*500\s*—\s*until cleared/);
    expect(await page.locator('#route-faults tbody tr').count()).toBe(2);
    const faulted = await call(
      mock,
      'POST',
      '/v2/supplier/link-sessions',
      { user_id: 'u', redirect_url: 'https://your-app.com/callback', asset_type: 'hp' },
      'api_key_123',
    );
    expect(faulted.status).toBe(503);
    await page.click('#tabs a[data-tab="journal"]');
    await page
      .locator('#journal-list details')
      .filter({ hasText: 'fault' })
      .filter({ hasText: '503' })
      .waitFor();

    await page.click('#tabs a[data-tab="policies"]');
    await page.click('#view button:text("Clear all faults")');
    await shows(page, '#notice', 'No fault in force for Acme Energy');
    const org = (await call(mock, 'GET', '/__nox/organisations')).body.organisations.find(
      (o: Json) => o.id === 'supplier_123',
    );
    expect([org.brand_outages, org.route_faults]).toEqual([[], []]);
    // The page shows the cleared state once it has read the organisation again (its next refresh).
    await page.locator('input[data-brand=vaillant]:not(:checked)').waitFor();
  });

  test("finishes a supplier-auth session as the supplier, and sets an organisation's clock to a chosen time", async () => {
    const mock = await startMock();
    const supplier = (
      await call(mock, 'POST', '/__nox/organisations', {
        kind: 'supplier',
        name: 'Volt Energy',
        oauth_login_url: 'https://volt.example/oauth',
      })
    ).body;
    const started = await call(mock, 'POST', '/__nox/web-app/connections', {
      brand: 'daikin',
      username: 'bob',
      supplier_organisation_id: supplier.id,
    });
    expect(started.body.outcome).toBe('supplier_auth_started');
    const page = await newPage();
    await page.goto(`${mock.url}/__nox/ui#org=${supplier.id}&tab=sessions`);
    const row = page.locator('#auth-sessions tr').filter({ hasText: 'pending' });
    await row.filter({ hasText: '15 min left' }).waitFor();
    await row.locator('input[aria-label="Supplier user id"]').fill('volt_42');
    await row.locator('button:text("Confirm and return")').click();
    await shows(page, '#notice', /Supplier-auth session .*: connected/);
    const state = (await call(mock, 'GET', `/__nox/state?organisation_id=${supplier.id}`)).body;
    expect(state.supplier_auth_sessions).toMatchObject([
      { status: 'connected', supplier_user_id: 'volt_42' },
    ]);
    await page.click('#tabs a[data-tab="users"]');
    await shows(page, '#who', 'volt_42');

    await page.click('#tabs a[data-tab="clock"]');
    await page.fill('#set-time', '2026-03-01T12:30:00');
    await page.click('#view button:text-is("Set")');
    await shows(page, '#notice', 'is set to 2026-03-01T12:30:00Z');
    expect((await call(mock, 'GET', `/__nox/clock?organisation_id=${supplier.id}`)).body.iso).toBe(
      '2026-03-01T12:30:00Z',
    );
    expect((await call(mock, 'GET', '/__nox/clock')).body.iso).toBe('2026-01-01T00:00:00Z');
  });

  test('a page on another origin can neither drive it through the control API nor frame it', async () => {
    const mock = await startMock();
    await call(mock, 'POST', '/__nox/organisations', { kind: 'supplier', name: 'Kept' });
    const before = (await call(mock, 'GET', '/__nox/clock')).body;
    const evil = await startPage(`<!doctype html><body>
<iframe id="framed" src="${mock.url}/__nox/ui"></iframe>
<form id="f" method="post" action="${mock.url}/__nox/reset" enctype="text/plain" target="sink"><input name='{"a":"' value='"}'></form>
<iframe name="sink"></iframe>
<script>
window.results = Promise.all([
  fetch('${mock.url}/__nox/clock/advance', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"seconds":3600}' }).then((r) => r.type, (e) => 'refused: ' + e.message),
  fetch('${mock.url}/__nox/organisations').then((r) => r.status, (e) => 'refused: ' + e.message),
  fetch('${mock.url}/__nox/clock/advance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"seconds":3600}' }).then((r) => r.status, (e) => 'refused: ' + e.message),
]);
document.getElementById('f').submit();
</script></body>`);
    const page = await newPage();
    const blocked = page.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
    await page.goto(evil);
    const [noCors, read, preflighted] = await page.evaluate(
      () => (window as unknown as { results: Promise<string[]> }).results,
    );
    // The page learns nothing (an opaque answer, or none), and the clock stays: the control API refuses a
    // page of another origin, a text/plain body is no JSON, and a JSON one needs a preflight it never allows.
    expect(noCors).toBe('opaque');
    expect(read).toMatch(/^refused/);
    expect(preflighted).toMatch(/^refused/);
    await blocked;
    const framed = page.frames().find((f) => f !== page.mainFrame() && f.name() !== 'sink');
    expect(await framed?.locator('#app').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect((await call(mock, 'GET', '/__nox/clock')).body.offset_seconds).toBe(before.offset_seconds);
    const names = (await call(mock, 'GET', '/__nox/organisations')).body.organisations.map(
      (o: Json) => o.name,
    );
    expect(names).toContain('Kept');
  });

  test('with an admin token it asks for the token once, keeps it for the tab only, and asks again when refused', async () => {
    const mock = await startMock({ adminToken: 's3cret' });
    const page = await newPage();
    await page.goto(`${mock.url}/__nox/ui`);
    await page.locator('#token').waitFor();
    expect(await page.isHidden('#app')).toBe(true);
    await page.fill('#token-input', 'wrong');
    await page.click('#token button[type=submit]');
    await shows(page, '#token-problem', 'The mock refused that token');
    await page.fill('#token-input', 's3cret');
    await page.click('#token button[type=submit]');
    await shows(page, '#orgs', 'Acme Energy');
    expect(await page.isHidden('#token')).toBe(true);
    // Kept in sessionStorage: a reload does not ask again; nothing is left in cookies or localStorage.
    await page.reload();
    await shows(page, '#orgs', 'Acme Energy');
    expect(await page.isHidden('#token')).toBe(true);
    expect(await page.evaluate(() => [document.cookie, localStorage.length])).toEqual(['', 0]);
    // Another tab asks for it again.
    const other = await page.context().newPage();
    await other.goto(`${mock.url}/__nox/ui`);
    await other.locator('#token').waitFor();
  });
});

/** Serves one HTML page on another loopback port: another origin, as a site the developer visits. */
async function startPage(page: string): Promise<string> {
  const server: Server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(page),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
