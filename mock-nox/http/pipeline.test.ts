import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { CALLBACK, createTestMock, DEMO_KEY } from '../../test/test-support/test-mock.ts';
import { createJournal } from '../journal/journal.ts';
import { createPipeline } from './pipeline.ts';
import { createRouter } from './router.ts';

// Every request runs on the one pipeline (pipeline.ts), not on Express: these are the request-reading rules
// it keeps from express.json and Express's router, and the journal entry it writes. pipeline-parity.test.ts
// checks that every surface gets the same stages.

let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

const body = JSON.stringify({ user_id: 'u1', redirect_url: CALLBACK, asset_type: 'hp' });
const post = (headers: Record<string, string>, text: string | Buffer = body) => {
  let req = request(mock.app).post('/v2/supplier/link-sessions').set('x-api-key', DEMO_KEY);
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  // Bytes as they are: superagent would serialise a Buffer sent as JSON.
  return typeof text === 'string' ? req.send(text) : req.serialize((b: unknown) => b as string).send(text);
};

describe('the pipeline reads bodies as express.json did', () => {
  test('JSON with a UTF-8 charset and a byte-order mark is read', async () => {
    const res = await post({ 'content-type': 'application/json; charset=UTF-8' }, `\uFEFF${body}`);
    expect(res.status).toBe(201);
    expect(res.body.supplier_user_id).toBe('u1');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.etag).toBeUndefined();
  });

  test('another charset or a content encoding is a 415 in the surface shape', async () => {
    const latin = await post({ 'content-type': 'application/json; charset=latin1' });
    expect(latin.status).toBe(415);
    expect(latin.body).toEqual({ error: 'unsupported charset "LATIN1"' });
    const compress = await post({ 'content-type': 'application/json', 'content-encoding': 'compress' });
    expect(compress.status).toBe(415);
    expect(compress.body.error).toBe('unsupported content encoding "compress"');
  });

  test('a gzip body is inflated, as body-parser does; one that inflates past 1 MB is a 413', async () => {
    const gzip = await post(
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(body),
    );
    expect(gzip.status, JSON.stringify(gzip.body)).toBe(201);
    expect(gzip.body.supplier_user_id).toBe('u1');
    const bomb = gzipSync(JSON.stringify({ user_id: 'x'.repeat(3 * 1024 * 1024), redirect_url: CALLBACK }));
    const large = await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb);
    expect(large.status).toBe(413);
    expect(large.body.error).toContain('too large');
    const broken = await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'not gzip');
    expect(broken.status).toBe(400);
  });

  test('broken JSON is a 400 {error} on the auth API and a 422 json_invalid on the data API', async () => {
    const auth = await post({ 'content-type': 'application/json' }, '{"user_id":');
    expect(auth.status).toBe(400);
    expect(auth.body.error).toMatch(/JSON/);
    const data = await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .set('content-type', 'application/json')
      .send('{"user_id":');
    expect(data.status).toBe(422);
    expect(data.body.detail[0]).toMatchObject({ loc: ['body'], type: 'json_invalid' });
  });

  test('an empty JSON body is {} (so the fields are missing), an empty body of another type is no body', async () => {
    const empty = await post({ 'content-type': 'application/json' }, '');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/user_id/);
    const text = await request(mock.app)
      .get('/v1/devices')
      .set('x-api-key', DEMO_KEY)
      .set('content-type', 'text/plain')
      .set('content-length', '0');
    expect(text.status).toBe(200);
  });
});

describe('the pipeline routes as NOX does', () => {
  test('paths match exactly: another case or a trailing slash is no endpoint', async () => {
    for (const path of ['/V1/devices', '/v1/devices/']) {
      const res = await request(mock.app).get(path).set('x-api-key', DEMO_KEY);
      expect(res.status, path).toBe(404);
    }
  });

  test('a path parameter that cannot be decoded is a 400 in the surface shape', async () => {
    const res = await request(mock.app).delete('/v1/users/%E0%A4%A').set('x-api-key', DEMO_KEY);
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/decode/);
  });

  test('a call is journalled with what was sent and answered, and the key redacted', async () => {
    const res = await post({ 'content-type': 'application/json' });
    const journal = await request(mock.app).get('/__nox/journal?area=auth');
    const [entry] = journal.body.entries;
    expect(entry).toMatchObject({
      organisation_id: 'supplier_123',
      area: 'auth',
      request: { method: 'POST', path: '/v2/supplier/link-sessions', body: { user_id: 'u1' } },
      response: { status: 201, body: { link_token: res.body.link_token } },
    });
    expect(entry.request.headers['x-api-key']).toContain('(redacted)');
    expect(entry.response.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
  });
});

describe('an answer that cannot be written', () => {
  const pipeline = () => {
    const routes = createRouter();
    routes.get('/v1/bigint', (_req, res) => res.json({ value: 1n }));
    routes.get('/v1/bad-header', (_req, res) => res.set('x-note', 'a\r\nb').json({}));
    const journal = createJournal();
    const app = createPipeline({
      routes,
      journal,
      now: () => 0,
      guard: () => null,
      dropUnknown: () => undefined,
      takeFault: async () => undefined,
      renderErrorPage: (message) => message,
    });
    return { journal, app };
  };

  test('is a 500 marked as a mock bug, journalled once, not a request left unanswered', async () => {
    const { app, journal } = pipeline();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const path of ['/v1/bigint', '/v1/bad-header']) {
        const res = await request(app).get(path).timeout(5000);
        expect(res.status, path).toBe(500);
        expect(res.body.detail, path).toContain('internal error in the mock');
      }
      expect(journal.list({}).map((e) => e.response.status)).toEqual([500, 500]);
    } finally {
      errors.mockRestore();
    }
  });
});
