import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { createCustomerClient } from './test-support/customer-client.ts';
import { freePort } from './test-support/free-port.ts';
import { markers } from './test-support/page-markers.ts';
import { useSupplierFixture } from './test-support/supplier-fixture.ts';

describe('starting a link when NOX cannot help', () => {
  const f = useSupplierFixture();
  const silent: Server = createServer(() => {});
  afterAll(() => {
    silent.closeAllConnections();
    silent.close();
  });

  test('shows nox_unavailable when NOX is down', async () => {
    const app = await f.startSupplier({ noxAuthUrl: `http://127.0.0.1:${await freePort()}` });
    const page = await (await app.customer('judy')).post('/nox/connect', { asset_type: 'hp' });
    expect(page.status).toBe(502);
    expect(markers.errorCode(page.text)).toBe('nox_unavailable');
    expect(page.text).toContain('NOX could not be reached');
  });

  test('gives up with nox_unavailable when NOX does not answer in time', async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const app = await f.startSupplier({ noxAuthUrl: `http://127.0.0.1:${port}`, noxTimeoutMs: 300 });
    const page = await (await app.customer('ken')).post('/nox/connect', { asset_type: 'hp' });
    expect(markers.errorCode(page.text)).toBe('nox_unavailable');
    expect(page.text).toContain('NOX did not answer within 0.3 s');
  });

  test("shows NOX's own message when NOX refuses the link session", async () => {
    const app = await f.startSupplier({ noxApiKey: 'not-a-key' });
    const page = await (await app.customer('liam')).post('/nox/connect', { asset_type: 'hp' });
    expect(markers.errorCode(page.text)).toBe('nox_unavailable');
    expect(page.text).toContain('Invalid API key');
  });

  test('refuses an asset type other than hp or pv before calling NOX', async () => {
    const app = await f.startSupplier();
    const page = await (await app.customer('mia')).get('/nox/connect?asset_type=ev');
    expect(page.status).toBe(400);
    expect(markers.errorCode(page.text)).toBe('invalid_request');
    expect(await f.journal(app.organisationId)).toEqual([]);
  });

  test('asks a visitor who is not logged in to log in first', async () => {
    const app = await f.startSupplier();
    const page = await createCustomerClient(app.url).post('/nox/connect', { asset_type: 'hp' });
    expect(markers.errorCode(page.text)).toBe('not_logged_in');
  });
});
