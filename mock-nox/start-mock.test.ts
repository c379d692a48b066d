import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type StartedMock, startMock } from './index.ts';

const started: StartedMock[] = [];
const start = async (options?: Parameters<typeof startMock>[0]) => {
  const mock = await startMock(options);
  started.push(mock);
  return mock;
};
afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.stop()));
});

const post = async (url: string, key: string, body: unknown) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify(body),
  });
  return res.json();
};

describe('startMock, as a supplier test suite embeds the mock', () => {
  test('links a heat pump through the NOX API and control.complete, and the devices can be read', async () => {
    const { url, control } = await start();
    const org = await control.createOrganisation({
      kind: 'supplier',
      name: 'Volt Energy',
      redirect_urls: ['http://localhost:3000/nox/callback'],
    });
    const session = await post(`${url}/v2/supplier/link-sessions`, org.api_key, {
      user_id: 'customer_42',
      redirect_url: 'http://localhost:3000/nox/callback',
      asset_type: 'hp',
    });
    const done = await control.complete(session.link_token, { brand: 'daikin', username: 'anna' });
    expect(done).toMatchObject({ outcome: 'connected', error: null });
    const devices = await (
      await fetch(`${url}/v1/devices?user_id=${done.nox_user_id}`, { headers: { 'x-api-key': org.api_key } })
    ).json();
    expect(devices.data.map((d: { device_id: string }) => d.device_id)).toEqual(done.device_ids);
    expect((await control.journal(org.id)).map((e) => `${e.request.method} ${e.request.path}`)).toContain(
      'POST /v2/supplier/link-sessions',
    );
  });

  test('drives flow 2, settings and webhooks through the control client', async () => {
    const { url, control } = await start({ webhooks: { autoDeliver: false } });
    const supplier = await control.createOrganisation({
      kind: 'supplier',
      name: 'Flow Energy',
      oauth_login_url: 'https://flow.example/oauth',
      webhook_url: 'http://127.0.0.1:9/unreachable',
    });
    const link = await post(`${url}/v2/manufacturer/link-sessions`, 'mfr_api_key_123', {
      user_id: 'mfr_user_1',
      redirect_url: 'https://manufacturer-app.com/callback',
    });
    const chosen = await control.chooseSupplier(link.link_token, { supplier_organisation_id: supplier.id });
    expect(chosen.outcome).toBe('supplier_auth_started');
    const finished = await control.completeSupplierAuthSession(chosen.state ?? '', {
      supplier_user_id: 'customer_7',
    });
    expect(finished).toMatchObject({ outcome: 'connected', post_login_redirect_status: 200 });
    const viaWebApp = await control.startWebAppConnection({
      brand: 'daikin',
      username: 'bob',
      supplier_organisation_id: supplier.id,
    });
    expect(viaWebApp.outcome).toBe('supplier_auth_started');

    const change = await control.patchSettingsAsUser(finished.nox_user_id ?? '', {
      location: { country: 'NL' },
    });
    expect(change.webhook_deliveries.map((d) => d.organisation_id)).toContain(supplier.id);
    expect(await control.listWebhookDeliveries(supplier.id, 'pending')).toHaveLength(
      change.webhook_deliveries.filter((d) => d.organisation_id === supplier.id).length,
    );
    const run = await control.deliverDueWebhooks(supplier.id);
    expect(run.attempted).toBeGreaterThan(0);

    const set = await control.setClock(supplier.id, { iso: '2030-01-01T00:00:00Z' });
    expect((await control.clock(supplier.id)).now).toBe(set.now);
    await control.setPolicies(supplier.id, { same_supplier_user: 'merge' });
    expect((await control.policies(supplier.id)).same_supplier_user).toBe('merge');
  });

  test('stop() closes the port, writes the database and releases it, and is safe to call twice', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'nox-start-mock-')), 'db.json');
    const mock = await start({ db });
    await mock.control.createOrganisation({ kind: 'supplier', name: 'Kept Energy' });
    await Promise.all([mock.stop(), mock.stop()]);
    await mock.stop();
    await expect(fetch(`${mock.url}/__nox/health`)).rejects.toThrow();
    expect(existsSync(`${db}.lock`)).toBe(false);
    expect(readFileSync(db, 'utf8')).toContain('Kept Energy');
    const again = await start({ db });
    expect((await again.control.organisations()).map((o) => o.name)).toContain('Kept Energy');
  });

  test('a port in use is one clear error, and the database is not left locked', async () => {
    const first = await start();
    const db = join(mkdtempSync(join(tmpdir(), 'nox-start-mock-')), 'db.json');
    const port = Number(new URL(first.url).port);
    await expect(startMock({ port, db })).rejects.toThrow(
      `startMock could not listen on 127.0.0.1:${port}: listen EADDRINUSE`,
    );
    expect(existsSync(`${db}.lock`)).toBe(false);
  });
});
