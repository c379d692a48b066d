import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { CALLBACK, createTestMock, DEMO_KEY } from '../../test/support/test-mock.ts';

// NOX's APIs run on their own dispatcher (api-dispatch.ts), not on Express: these are the request-reading
// rules it keeps from express.json and Express's router, and the journal entry it writes.

let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

const body = JSON.stringify({ user_id: 'u1', redirect_url: CALLBACK });
const post = (headers: Record<string, string>, text = body) => {
  let req = request(mock.app).post('/v2/supplier/link-sessions').set('x-api-key', DEMO_KEY);
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  return req.send(text);
};

describe('the API dispatcher reads bodies as express.json did', () => {
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
    const gzip = await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(gzip.status).toBe(415);
    expect(gzip.body.error).toBe('unsupported content encoding "gzip"');
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

describe('the API dispatcher routes as NOX does', () => {
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
