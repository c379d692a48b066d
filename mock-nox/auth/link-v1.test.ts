import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadSpec } from '../../openapi/validator/load-spec.ts';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { CALLBACK, createTestMock, DEMO_KEY } from '../../test/test-support/test-mock.ts';
import { v1Brands } from '../domain/brands.ts';

const spec = loadOpenApi('nox-auth');
let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

const link = (userId: string, body: Record<string, unknown>) =>
  request(mock.app).post(`/users/${userId}/link`).set('x-api-key', DEMO_KEY).send(body);

describe('POST /users/{userId}/link (v1, deprecated)', () => {
  test('answers the documented {success, timestamp, data} envelope', async () => {
    const res = await link('user_456', { redirect_uri: CALLBACK, brand: 'daikin' });
    expect(res.status).toBe(200);
    expect(spec.validateResponse('POST', '/users/user_456/link', 200, res.body)).toEqual([]);
    expect(res.body).toMatchObject({
      success: true,
      timestamp: Date.UTC(2026, 0, 1) / 1000,
      data: { supplier_id: 'supplier_123', supplier_user_id: 'user_456', brand: 'daikin' },
    });
    expect(Object.keys(res.body.data)).toEqual([
      'link_token',
      'link_url',
      'expires_at',
      'supplier_id',
      'supplier_user_id',
      'brand',
    ]);
  });

  test("lasts 900 s, the v1 guide's 15 minutes", async () => {
    const res = await link('u', { redirect_uri: CALLBACK });
    expect(res.body.data.expires_at - res.body.timestamp).toBe(900);
  });

  test('links to /connect with the token and leaves out brand when none was given', async () => {
    const res = await link('u', { redirect_uri: CALLBACK });
    const url = new URL(res.body.data.link_url);
    expect(url.pathname).toBe('/connect');
    expect(url.searchParams.get('token')).toBe(res.body.data.link_token);
    expect(res.body.data).not.toHaveProperty('brand');
  });

  test('accepts the key as "Authorization: ApiKey <key>"', async () => {
    const res = await request(mock.app)
      .post('/users/u/link')
      .set('Authorization', `ApiKey ${DEMO_KEY}`)
      .send({ redirect_uri: CALLBACK });
    expect(res.status).toBe(200);
  });

  test('answers 401 naming both ways to send the key when none is sent', async () => {
    const res = await request(mock.app).post('/users/u/link').send({ redirect_uri: CALLBACK });
    expect(res.status).toBe(401);
    expect(res.body.error).toContain('Authorization: ApiKey');
  });

  test('requires redirect_uri (spelled _uri) and says so', async () => {
    const res = await link('u', { redirect_url: CALLBACK });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'redirect_uri is required and must be an absolute URL' });
  });

  test('refuses a redirect_uri not registered for the supplier', async () => {
    const res = await link('u', { redirect_uri: 'https://elsewhere.example/cb' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('redirect_uri https://elsewhere.example/cb is not one of the allowed');
  });

  test('the spec declares the v1 brand enum the mock enforces', () => {
    const schema = loadSpec('nox-auth.yaml').components.schemas.LinkSessionRequest.properties.brand;
    expect([...schema.enum].sort()).toEqual(v1Brands.map((b) => b.v1Name).sort());
  });

  test('accepts the spaced v1 brand names and refuses the v2 slugs', async () => {
    expect((await link('u', { redirect_uri: CALLBACK, brand: 'alpha innotec' })).status).toBe(200);
    const slug = await link('u', { redirect_uri: CALLBACK, brand: 'alpha-innotec' });
    expect(slug.status).toBe(400);
    expect(slug.body.error).toContain('alpha innotec');
  });

  test("stores a language outside the UI's four as en for the pages", async () => {
    await link('u', { redirect_uri: CALLBACK, language: 'de' });
    const state = await request(mock.app).get('/__nox/state');
    expect(state.body.link_sessions[0]).toMatchObject({ api_version: 'v1', language: 'en' });
  });
});
