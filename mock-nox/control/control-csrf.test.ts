import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createApp } from '../app.ts';
import { openStore } from '../store/open-store.ts';

const spec = parse(readFileSync(join(import.meta.dirname, '../../openapi/nox-control.yaml'), 'utf8'));
/** Every control API operation, with its path parameters filled in. */
const operations = Object.entries<Record<string, unknown>>(spec.paths).flatMap(([path, item]) =>
  Object.keys(item).map((method) => ({ method, path: path.replace(/\{[^}]+\}/g, 'token_x') })),
);

async function mockWith(options: { adminToken?: string; publicUrl?: string; controlClosed?: boolean } = {}) {
  const store = await openStore({ inMemory: true });
  return { app: createApp({ store, ...options }), store };
}

type App = Awaited<ReturnType<typeof mockWith>>['app'];
const call = (app: App, method: string, path: string, headers: Record<string, string>) => {
  const req = (request(app) as unknown as Record<string, (p: string) => request.Test>)[method]?.(path);
  if (!req) throw new Error(`no method ${method}`);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req;
};

/** What a web page on another origin (or a DNS-rebound one) sends along. */
const browserAttacks: Record<string, Record<string, string>> = {
  'a page on another origin': { origin: 'http://evil.example' },
  'a page on another loopback port': { origin: 'http://127.0.0.1:9999', host: '127.0.0.1:4400' },
  'a sandboxed page (Origin: null)': { origin: 'null' },
  'a cross-site fetch': { 'sec-fetch-site': 'cross-site' },
  'a same-site page on another port': { 'sec-fetch-site': 'same-site' },
  'a DNS-rebound page (foreign Host)': { host: 'evil.example:4400' },
};

describe('the control API refuses browsers it did not serve', () => {
  for (const [attack, headers] of Object.entries(browserAttacks)) {
    test(`${attack}: every operation answers 403 {error} and nothing changes`, async () => {
      const { app, store } = await mockWith();
      const before = JSON.stringify(store.data);
      for (const { method, path } of operations) {
        const res = await call(app, method, path, headers).send(method === 'get' ? undefined : {});
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body.error).toMatch(/refuses requests from web pages|answers only to Host/);
        expect(JSON.stringify(res.body)).not.toContain('api_key_123');
      }
      expect(JSON.stringify(store.data)).toBe(before);
    });
  }

  test('a cross-origin POST /__nox/reset without a body (what a form or fetch sends) resets nothing', async () => {
    const { app, store } = await mockWith();
    await request(app).post('/__nox/organisations').send({ kind: 'supplier', name: 'Kept' });
    const res = await request(app).post('/__nox/reset').set('origin', 'http://evil.example');
    expect(res.status).toBe(403);
    expect(store.rows('organisations').map((o) => o.name)).toContain('Kept');
  });

  test('scripts, curl and same-origin pages still reach it, and it sends no CORS headers', async () => {
    const { app } = await mockWith();
    expect((await request(app).get('/__nox/health')).status).toBe(200);
    const same = await call(app, 'get', '/__nox/state', {
      host: 'localhost:4400',
      origin: 'http://localhost:4400',
      'sec-fetch-site': 'same-origin',
    });
    expect(same.status).toBe(200);
    expect((await call(app, 'get', '/__nox/health', { 'sec-fetch-site': 'none' })).status).toBe(200);
    const preflight = await call(app, 'options', '/__nox/reset', {
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('the configured public URL is accepted as a Host', async () => {
    const { app } = await mockWith({ publicUrl: 'https://nox.test:8443' });
    expect((await call(app, 'get', '/__nox/health', { host: 'nox.test:8443' })).status).toBe(200);
    expect((await call(app, 'get', '/__nox/health', { host: 'nox.test:9999' })).status).toBe(403);
  });
});

describe('the admin token', () => {
  test('applies to every client when set, loopback ones too', async () => {
    const { app } = await mockWith({ adminToken: 's3cret' });
    const without = await request(app).get('/__nox/state');
    expect(without.status).toBe(403);
    expect(without.body.error).toContain('Authorization: Bearer');
    expect(without.headers['www-authenticate']).toBe('Bearer realm="nox-testkit control API"');
    expect((await call(app, 'get', '/__nox/state', { authorization: 'Bearer wrong' })).status).toBe(403);
    const ok = await call(app, 'get', '/__nox/state', { authorization: 'Bearer s3cret', host: 'mock:4400' });
    expect(ok.status).toBe(200);
    const fromPage = await call(app, 'post', '/__nox/reset', {
      authorization: 'Bearer s3cret',
      origin: 'http://evil.example',
    });
    expect(fromPage.status).toBe(403);
  });

  test('without it, a mock listening beyond loopback keeps the control API shut and says how to open it', async () => {
    const { app } = await mockWith({ controlClosed: true });
    const res = await request(app).get('/__nox/health');
    expect(res.status).toBe(403);
    expect(res.body.error).toContain('--admin-token');
    expect(res.headers['www-authenticate']).toBeUndefined();
  });
});
