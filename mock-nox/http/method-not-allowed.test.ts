import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadSpec } from '../../openapi/validator/load-spec.ts';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { createTestMock, DEMO_KEY } from '../../test/test-support/test-mock.ts';

let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

const specs = { data: loadOpenApi('nox-data'), auth: loadOpenApi('nox-auth') };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

/** Every path of a spec (as served) with a concrete value for each path parameter, its methods, and one it lacks. */
function pathsOf(spec: string) {
  // As the mock serves them: the v2 auth paths under their own server's /v2.
  const paths: Record<string, object> = loadSpec(`${spec}.yaml`).paths;
  return Object.entries(paths).map(([path, item]) => {
    const methods = METHODS.filter((m) => m in item);
    const wrong = METHODS.find((m) => !methods.includes(m)) as Method;
    return {
      path: path.replace(/\{[^}]+\}/g, 'some-id'),
      allow: methods.join(', ').toUpperCase(),
      methods,
      wrong,
    };
  });
}

describe('a known path called with a method it does not take', () => {
  test.each(pathsOf('nox-data'))(
    'data API $path answers $wrong with 405 {"detail": "Method Not Allowed"} and Allow: $allow, as FastAPI does',
    async ({ path, allow, methods, wrong }) => {
      const res = await request(mock.app)[wrong](path).set('x-api-key', DEMO_KEY);
      expect(res.status).toBe(405);
      expect(res.body).toEqual({ detail: 'Method Not Allowed' });
      expect(res.headers.allow).toBe(allow);
      // Each operation of the path declares that answer.
      for (const m of methods) expect(specs.data.validateResponse(m, path, 405, res.body)).toEqual([]);
    },
  );

  test.each(pathsOf('nox-auth'))(
    'auth API $path answers $wrong with 405 in its {error} shape and Allow: $allow',
    async ({ path, allow, methods, wrong }) => {
      const res = await request(mock.app)[wrong](path).set('x-api-key', DEMO_KEY);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe(allow);
      for (const m of methods) expect(specs.auth.validateResponse(m, path, 405, res.body)).toEqual([]);
      expect(res.body).toEqual({
        error: `${path} does not take ${wrong.toUpperCase()}; it takes ${allow} (see the Allow header and openapi/nox-auth.yaml).`,
      });
    },
  );

  test('answers HEAD and OPTIONS on a data path with 405 too, as a FastAPI route without them does', async () => {
    for (const res of [
      await request(mock.app).head('/v1/flex/down').set('x-api-key', DEMO_KEY),
      await request(mock.app).options('/v1/devices/settings').set('x-api-key', DEMO_KEY),
    ]) {
      expect(res.status).toBe(405);
    }
    const options = await request(mock.app).options('/v1/devices/settings');
    expect(options.headers.allow).toBe('GET, PATCH');
    expect(options.body).toEqual({ detail: 'Method Not Allowed' });
  });

  test('is answered before the key is checked, as FastAPI routes before it runs dependencies', async () => {
    const res = await request(mock.app).delete('/v1/flex/down');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST');
  });
});

describe('paths and methods the specs do have', () => {
  test('a method the path takes still reaches its route (401 without a key, not 405)', async () => {
    expect((await request(mock.app).get('/v1/flex/down')).status).toBe(401);
    expect((await request(mock.app).post('/v2/supplier/link-sessions').send({})).status).toBe(401);
  });

  test('an unknown path stays a 404 in its API shape, whatever the method', async () => {
    const data = await request(mock.app).delete('/v1/no/such/thing');
    expect(data.status).toBe(404);
    expect(data.headers.allow).toBeUndefined();
    expect(data.body.detail).toContain('No NOX endpoint DELETE /v1/no/such/thing');
    const auth = await request(mock.app).get('/v2/no-such-thing');
    expect(auth.status).toBe(404);
    expect(auth.body.error).toContain('No NOX endpoint GET /v2/no-such-thing');
    const deeper = await request(mock.app).put('/v1/flex/down/extra');
    expect(deeper.status).toBe(404);
  });
});
