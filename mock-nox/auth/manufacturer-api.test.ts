import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { createTestMock, DEMO_KEY } from '../../test/test-support/test-mock.ts';

const spec = loadOpenApi('nox-auth');
const MFR_KEY = 'mfr_api_key_123';
const MFR_CALLBACK = 'https://manufacturer-app.com/callback';
const NOW = Date.UTC(2026, 0, 1) / 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

const post = (path: string, body: unknown, key: string | null = MFR_KEY) => {
  const r = request(mock.app).post(path);
  return (key === null ? r : r.set('x-api-key', key)).send(body as object);
};
const valid = (path: string, res: request.Response) =>
  expect(spec.validateResponse('POST', path, res.status, res.body)).toEqual([]);
const state = async () => (await request(mock.app).get('/__nox/state')).body;

describe('POST /v2/manufacturer/link-sessions', () => {
  const path = '/v2/manufacturer/link-sessions';

  test('answers 201 with the documented fields in the documented order, expiring 600 s after creation', async () => {
    const res = await post(path, { user_id: 'manufacturer_user_id_123', redirect_url: MFR_CALLBACK });
    expect(res.status).toBe(201);
    valid(path, res);
    expect(Object.keys(res.body)).toEqual([
      'link_url',
      'link_token',
      'language',
      'redirect_url',
      'manufacturer',
      'manufacturer_user_id',
      'created_at',
      'expires_at',
      'brand',
      'completed_at',
    ]);
    expect(res.body).toMatchObject({
      language: 'nl',
      redirect_url: MFR_CALLBACK,
      manufacturer: 'Acme Manufacturing',
      manufacturer_user_id: 'manufacturer_user_id_123',
      created_at: NOW,
      expires_at: NOW + 600,
      brand: 'Acme Manufacturing',
      completed_at: null,
    });
    const url = new URL(res.body.link_url);
    expect(url.pathname).toBe('/ui');
    expect(url.searchParams.get('token')).toBe(res.body.link_token);
    expect(url.searchParams.get('language')).toBe('nl');
  });

  test("title-cases the manufacturer's display name as brand", async () => {
    const org = await request(mock.app)
      .post('/__nox/organisations')
      .send({
        kind: 'manufacturer',
        name: 'heatwave GmbH',
        brands: ['vaillant'],
        redirect_urls: [MFR_CALLBACK],
      });
    const res = await post(
      path,
      { user_id: 'u', redirect_url: MFR_CALLBACK, language: 'fr' },
      org.body.api_key,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ brand: 'Heatwave Gmbh', manufacturer: 'heatwave GmbH', language: 'fr' });
  });

  test('shows the session in state as open', async () => {
    const res = await post(path, { user_id: 'm1', redirect_url: MFR_CALLBACK });
    expect((await state()).manufacturer_link_sessions).toEqual([
      expect.objectContaining({ token: res.body.link_token, status: 'open', api_version: 'v2' }),
    ]);
  });

  test.each([
    [{ redirect_url: MFR_CALLBACK }, /user_id/],
    [{ user_id: 7, redirect_url: MFR_CALLBACK }, /user_id/],
    [{ user_id: 'u' }, /redirect_url/],
    [{ user_id: 'u', redirect_url: MFR_CALLBACK, language: 'de' }, /language/],
  ])('answers 400 with {error} naming the field for %j', async (body, message) => {
    const res = await post(path, body);
    expect(res.status).toBe(400);
    valid(path, res);
    expect(res.body.error).toMatch(message);
  });

  test('answers 400 for a redirect_url not allowed for the manufacturer', async () => {
    const res = await post(path, { user_id: 'u', redirect_url: 'https://evil.example/cb' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/not one of the allowed redirect URLs of Acme Manufacturing/);
  });

  test.each([
    ['no key', null, /Missing API key/],
    ['an unknown key', 'nope', /Invalid API key/],
    ["a supplier's key", DEMO_KEY, /needs a manufacturer API key/],
  ])('answers 401 for %s', async (_name, key, message) => {
    const res = await post(path, { user_id: 'u', redirect_url: MFR_CALLBACK }, key);
    expect(res.status).toBe(401);
    valid(path, res);
    expect(res.body.error).toMatch(message);
  });

  test('answers 401 "manufacturer not enabled" for a manufacturer that makes no supported brand', async () => {
    const org = await request(mock.app)
      .post('/__nox/organisations')
      .send({ kind: 'manufacturer', name: 'Nobody Inc', redirect_urls: [MFR_CALLBACK] });
    const res = await post(path, { user_id: 'u', redirect_url: MFR_CALLBACK }, org.body.api_key);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/Manufacturer not enabled/);
  });
});

describe('POST /v2/manufacturer/device-connections', () => {
  const path = '/v2/manufacturer/device-connections';

  test('answers 201 with manufacturer_user_id and a new nox_user_id, in that order', async () => {
    const res = await post(path, { user_id: 'manufacturer_user_id_123' });
    expect(res.status).toBe(201);
    valid(path, res);
    expect(Object.keys(res.body)).toEqual(['manufacturer_user_id', 'nox_user_id']);
    expect(res.body.manufacturer_user_id).toBe('manufacturer_user_id_123');
    expect(res.body.nox_user_id).toMatch(UUID);
  });

  test('resolves the same nox_user_id when called again for the same user (idempotent)', async () => {
    const first = await post(path, { user_id: 'm1' });
    const again = await post(path, { user_id: 'm1' });
    const other = await post(path, { user_id: 'm2' });
    expect(again.body.nox_user_id).toBe(first.body.nox_user_id);
    expect(other.body.nox_user_id).not.toBe(first.body.nox_user_id);
    expect((await state()).manufacturer_users).toHaveLength(2);
  });

  test("gives a plain user id one heat pump of the manufacturer's brand, seen by GET /v1/manufacturer/devices", async () => {
    const res = await post(path, { user_id: 'm1' });
    const devices = (await state()).devices.filter(
      (d: { nox_user_id: string }) => d.nox_user_id === res.body.nox_user_id,
    );
    expect(devices).toEqual([expect.objectContaining({ brand: 'daikin', asset_type: 'hp', account: 'm1' })]);
    const read = await request(mock.app).get('/v1/manufacturer/devices').set('x-api-key', MFR_KEY);
    expect(read.body.data).toEqual([
      expect.objectContaining({ device_id: devices[0].device_id, energy_supplier: '' }),
    ]);
  });

  test("lets the manufacturer read and PATCH its own user's settings on the data API", async () => {
    const res = await post(path, { user_id: 'm1' });
    const patch = await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', MFR_KEY)
      .send({
        user_id: res.body.nox_user_id,
        dhw: { temperature_lower_bound: 46, temperature_upper_bound: 56 },
      });
    expect(patch.status).toBe(204);
    const read = await request(mock.app).get('/v1/manufacturer/devices').set('x-api-key', MFR_KEY);
    expect(read.body.data[0].dhw).toMatchObject({ temperature_lower_bound: 46, temperature_upper_bound: 56 });
  });

  test('follows the username rules: +devices3 gives three devices', async () => {
    const res = await post(path, { user_id: 'm1+devices3' });
    const devices = (await state()).devices.filter(
      (d: { nox_user_id: string }) => d.nox_user_id === res.body.nox_user_id,
    );
    expect(devices).toHaveLength(3);
  });

  test('answers 400 with the documented literal when user_id is missing', async () => {
    const res = await post(path, {});
    expect(res.status).toBe(400);
    valid(path, res);
    expect(res.body).toEqual({ error: 'user_id is required and must be a string' });
  });

  test('answers 400 when user_id is not a string', async () => {
    const res = await post(path, { user_id: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/user_id/);
  });

  test('answers 401 for a missing key and for a supplier key', async () => {
    expect((await post(path, { user_id: 'u' }, null)).status).toBe(401);
    expect((await post(path, { user_id: 'u' }, DEMO_KEY)).status).toBe(401);
  });
});

describe('POST /manufacturers/nox (deprecated)', () => {
  const path = '/manufacturers/nox';

  test('answers 200 in the v1 envelope with the given device_ids and a UUID nox_user_id', async () => {
    const res = await post(path, {
      manufacturer_user_id: 'mfr_user_123',
      device_ids: ['device_001', 'device_002'],
    });
    expect(res.status).toBe(200);
    valid(path, res);
    expect(Object.keys(res.body)).toEqual(['success', 'timestamp', 'data']);
    expect(Object.keys(res.body.data)).toEqual(['manufacturer_user_id', 'nox_user_id', 'device_ids']);
    expect(res.body).toMatchObject({
      success: true,
      timestamp: NOW,
      data: { manufacturer_user_id: 'mfr_user_123', device_ids: ['device_001', 'device_002'] },
    });
    expect(res.body.data.nox_user_id).toMatch(UUID);
  });

  test('updates the same NOX user: new device_ids replace the old ones', async () => {
    const first = await post(path, { manufacturer_user_id: 'm', device_ids: ['a', 'b'] });
    const again = await post(path, { manufacturer_user_id: 'm', device_ids: ['c'] });
    expect(again.body.data.nox_user_id).toBe(first.body.data.nox_user_id);
    const ids = (await state()).devices.map((d: { device_id: string }) => d.device_id);
    expect(ids).toEqual(['c']);
  });

  test('without device_ids uses the username rules on manufacturer_user_id', async () => {
    const res = await post(path, { manufacturer_user_id: 'm+devices2' });
    expect(res.body.data.device_ids).toHaveLength(2);
  });

  test('accepts the key as Authorization: ApiKey', async () => {
    const res = await request(mock.app)
      .post(path)
      .set('Authorization', `ApiKey ${MFR_KEY}`)
      .send({ manufacturer_user_id: 'm' });
    expect(res.status).toBe(200);
  });

  test('answers 400 without manufacturer_user_id and 401 without a key', async () => {
    const bad = await post(path, { device_ids: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/manufacturer_user_id/);
    const noKey = await post(path, { manufacturer_user_id: 'm' }, null);
    expect(noKey.status).toBe(401);
    expect(noKey.body.error).toMatch(/Authorization: ApiKey/);
  });
});

describe('POST /manufacturers/suppliers (deprecated)', () => {
  const path = '/manufacturers/suppliers';

  test('answers 200 with the documented fields and a link_url /?token=…&connection_type=manufacturer', async () => {
    const res = await post(path, {
      manufacturer_user_id: 'mfr_user_123',
      redirect_url: MFR_CALLBACK,
      device_ids: ['device_001', 'device_002'],
    });
    expect(res.status).toBe(200);
    valid(path, res);
    expect(Object.keys(res.body.data)).toEqual([
      'link_token',
      'link_url',
      'expires_at',
      'manufacturer',
      'manufacturer_user_id',
      'nox_user_id',
      'device_ids',
    ]);
    expect(res.body).toMatchObject({
      success: true,
      timestamp: NOW,
      data: {
        expires_at: NOW + 600,
        manufacturer: 'Acme Manufacturing',
        manufacturer_user_id: 'mfr_user_123',
        device_ids: ['device_001', 'device_002'],
      },
    });
    expect(res.body.data.nox_user_id).toMatch(UUID);
    const url = new URL(res.body.data.link_url);
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('token')).toBe(res.body.data.link_token);
    expect(url.searchParams.get('connection_type')).toBe('manufacturer');
  });

  test('creates or updates the NOX user now: the same one device-connections resolves', async () => {
    const res = await post(path, { manufacturer_user_id: 'm1', redirect_url: MFR_CALLBACK });
    const resolved = await post('/v2/manufacturer/device-connections', { user_id: 'm1' });
    expect(resolved.body.nox_user_id).toBe(res.body.data.nox_user_id);
  });

  test('answers 400 for a missing redirect_url and for one not allowed', async () => {
    expect((await post(path, { manufacturer_user_id: 'm' })).body.error).toMatch(/redirect_url/);
    const notAllowed = await post(path, { manufacturer_user_id: 'm', redirect_url: 'https://x.example/' });
    expect(notAllowed.status).toBe(400);
    expect(notAllowed.body.error).toMatch(/allowed redirect URLs/);
  });

  test("answers 401 for a supplier's key", async () => {
    const res = await post(path, { manufacturer_user_id: 'm', redirect_url: MFR_CALLBACK }, DEMO_KEY);
    expect(res.status).toBe(401);
  });
});
