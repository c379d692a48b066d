import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadSpec } from '../../openapi/validator/load-spec.ts';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { CALLBACK, createTestMock, createV2Session, DEMO_KEY } from '../../test/test-support/test-mock.ts';

const spec = loadOpenApi('nox-auth');
let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

describe('POST /v2/supplier/link-sessions', () => {
  test('answers 201 with the documented fields, in the spec, expiring 600 s after creation', async () => {
    const res = await createV2Session(mock.app, { user_id: 'supplier_user_id_123', language: 'en' });
    expect(res.status).toBe(201);
    expect(spec.validateResponse('POST', '/v2/supplier/link-sessions', 201, res.body)).toEqual([]);
    expect(Object.keys(res.body)).toEqual([
      'link_url',
      'link_token',
      'supplier',
      'supplier_user_id',
      'redirect_url',
      'language',
      'brand',
      'completed_at',
      'created_at',
      'expires_at',
    ]);
    expect(res.body).toMatchObject({
      supplier: 'Acme Energy',
      supplier_user_id: 'supplier_user_id_123',
      redirect_url: CALLBACK,
      language: 'en',
      brand: null,
      completed_at: null,
      created_at: Date.UTC(2026, 0, 1) / 1000,
    });
    expect(res.body.expires_at - res.body.created_at).toBe(600);
  });

  test("puts the token and language into a link_url on the caller's origin", async () => {
    const res = await createV2Session(mock.app, { language: 'fr' });
    const url = new URL(res.body.link_url);
    expect(url.pathname).toBe('/ui');
    expect(url.searchParams.get('token')).toBe(res.body.link_token);
    expect(url.searchParams.get('language')).toBe('fr');
    expect(url.hostname).toBe('127.0.0.1');
  });

  test('uses the configured public URL in link_url', async () => {
    const withPublicUrl = await createTestMock({ publicUrl: 'https://auth.example.test/' });
    const res = await createV2Session(withPublicUrl.app);
    expect(res.body.link_url.startsWith('https://auth.example.test/ui?token=')).toBe(true);
  });

  test('defaults the language to nl, as the spec declares', async () => {
    const request = loadSpec('nox-auth.yaml').components.schemas.CreateSupplierLinkSessionRequest;
    expect(request.properties.language.default).toBe('nl');
    const res = await createV2Session(mock.app);
    expect(res.body.language).toBe('nl');
    expect(res.body.link_url).toContain('language=nl');
  });

  test('hands out unguessable tokens of at least 128 bits, different every time', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 20; i++) tokens.add((await createV2Session(mock.app)).body.link_token);
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  test('answers the documented 400 message when user_id is missing', async () => {
    const res = await request(mock.app)
      .post('/v2/supplier/link-sessions')
      .set('x-api-key', DEMO_KEY)
      .send({ redirect_url: CALLBACK, asset_type: 'hp' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'user_id is required and must be a string' });
  });

  test('rejects a user_id that is not a string with the same documented message', async () => {
    const res = await createV2Session(mock.app, { user_id: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('user_id is required and must be a string');
  });

  test('rejects a JSON null or an array body as not a JSON object', async () => {
    for (const body of ['null', '[]']) {
      const res = await request(mock.app)
        .post('/v2/supplier/link-sessions')
        .set('x-api-key', DEMO_KEY)
        .set('content-type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/must be a JSON object/);
    }
  });

  test('falls back to the address it was called on when the Host header is no valid host', async () => {
    const res = await createV2Session(mock.app).set('Host', 'a b');
    expect(res.status).toBe(201);
    expect(new URL(res.body.link_url).hostname).toBe('127.0.0.1');
  });

  test.each([
    [{ redirect_url: 'not a url' }, 'redirect_url must be an absolute URL'],
    [{ language: 'de' }, 'language must be one of: nl, en, fr, es'],
    [{ asset_type: 'ev' }, 'asset_type must be one of: hp, pv'],
  ])('rejects %j with a message naming the field and what is expected', async (body, message) => {
    const res = await createV2Session(mock.app, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(message);
  });

  test('rejects a body that is not JSON in the {error} shape', async () => {
    const res = await request(mock.app)
      .post('/v2/supplier/link-sessions')
      .set('x-api-key', DEMO_KEY)
      .set('content-type', 'application/json')
      .send('{"user_id": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/not valid JSON/);
  });

  test('rejects a form-encoded body and says to send JSON', async () => {
    const res = await request(mock.app)
      .post('/v2/supplier/link-sessions')
      .set('x-api-key', DEMO_KEY)
      .type('form')
      .send({ user_id: 'u', redirect_url: CALLBACK });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/must be JSON sent with Content-Type: application\/json/);
  });

  test.each([
    ['no key', undefined, /Missing API key/],
    ['an unknown key', 'nope', /Invalid API key/],
    ['a manufacturer key', 'mfr_api_key_123', /needs a supplier API key/],
  ])('answers 401 {error} for %s', async (_name, key, message) => {
    const req = request(mock.app)
      .post('/v2/supplier/link-sessions')
      .send({ user_id: 'u', redirect_url: CALLBACK });
    const res = await (key === undefined ? req : req.set('x-api-key', key));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(message);
    expect(spec.validateResponse('POST', '/v2/supplier/link-sessions', 401, res.body)).toEqual([]);
  });

  test('checks the key before the body', async () => {
    const res = await request(mock.app).post('/v2/supplier/link-sessions').send({});
    expect(res.status).toBe(401);
  });

  test('refuses a redirect_url that is not on the allow-list and lists the allowed ones', async () => {
    const res = await createV2Session(mock.app, { redirect_url: 'https://evil.example/callback' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('https://evil.example/callback is not one of the allowed redirect URLs');
    expect(res.body.error).toContain('https://your-app.com/callback');
  });

  test.each([
    ['another path on the allowed host', 'https://your-app.com/other', 400],
    ['another scheme', 'http://your-app.com/callback', 400],
    ['an allowed URL with a query string', 'https://your-app.com/callback?from=settings', 201],
    ['any loopback origin', 'http://127.0.0.1:3999/whatever', 201],
    ['localhost', 'http://localhost:8080/nox/callback', 201],
  ])('matches the allow-list exactly: %s', async (_name, redirect_url, status) => {
    expect((await createV2Session(mock.app, { redirect_url })).status).toBe(status);
  });

  test("refuses a missing asset_type with 400 in NOX's {error} shape, as NOX's current page requires it", async () => {
    const res = await createV2Session(mock.app, { asset_type: undefined, brand: 'daikin' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'asset_type is required and must be one of: hp, pv' });
    expect(spec.validateResponse('POST', '/v2/supplier/link-sessions', 400, res.body)).toEqual([]);
    expect((await request(mock.app).get('/__nox/state')).body.link_sessions).toEqual([]);
  });

  test('takes a missing asset_type as hp for an organisation with the policy missing_asset_type: hp', async () => {
    const policy = await request(mock.app)
      .put('/__nox/policies')
      .send({ organisation_id: 'supplier_123', missing_asset_type: 'hp' });
    expect(policy.body.missing_asset_type).toBe('hp');
    expect((await request(mock.app).get('/__nox/policies')).body.missing_asset_type).toBe('reject');
    const res = await createV2Session(mock.app, { asset_type: undefined, brand: 'daikin' });
    expect(res.status).toBe(201);
    const state = await request(mock.app).get('/__nox/state');
    expect(state.body.link_sessions[0]).toMatchObject({ asset_type: 'hp', asset_type_defaulted: true });
    const journal = await request(mock.app).get('/__nox/journal?area=auth');
    expect(journal.body.entries.at(-1).request.body).not.toHaveProperty('asset_type');
    // Another organisation keeps NOX's rule.
    const volt = await request(mock.app)
      .post('/__nox/organisations')
      .send({ kind: 'supplier', name: 'Volt Energy', redirect_urls: [CALLBACK] });
    expect((await createV2Session(mock.app, { asset_type: undefined }, volt.body.api_key)).status).toBe(400);
  });

  test('echoes a pre-selected brand that fits the asset type', async () => {
    expect((await createV2Session(mock.app, { brand: 'nibe' })).body.brand).toBe('nibe');
    expect((await createV2Session(mock.app, { asset_type: 'pv', brand: 'sma' })).body.brand).toBe('sma');
  });

  test('rejects a brand of the other asset type and lists the right ones', async () => {
    const res = await createV2Session(mock.app, { asset_type: 'hp', brand: 'sma' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('brand "sma" must be valid for asset_type "hp"');
    expect(res.body.error).toContain('daikin');
  });

  test('accepts the spaced brand names of the older v2 reference, echoes them and links the slug', async () => {
    const res = await createV2Session(mock.app, { brand: 'saunier duval' });
    expect(res.status).toBe(201);
    expect(res.body.brand).toBe('saunier duval');
    const state = await request(mock.app).get('/__nox/state');
    expect(state.body.link_sessions[0].brand).toBe('saunier-duval');
  });

  test('rejects an unknown brand', async () => {
    const res = await createV2Session(mock.app, { brand: 'acme-heat' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('not a supported brand');
  });
});
