import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../../openapi/validator/openapi-validator.ts';
import { CALLBACK, createTestMock, DEMO_KEY, linkUser } from '../../../test/test-support/test-mock.ts';

const spec = loadOpenApi('nox-data');
let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});
const get = (path: string, query: Record<string, unknown> = {}, key = DEMO_KEY) =>
  request(mock.app).get(path).set('x-api-key', key).query(query);
const newOrg = async (kind: 'supplier' | 'manufacturer', name: string, brands?: string[]) =>
  (
    await request(mock.app)
      .post('/__nox/organisations')
      .send({ kind, name, redirect_urls: [CALLBACK], brands })
  ).body;

/** Every page of a paginated endpoint, following meta.next_token. */
async function allPages(path: string, query: Record<string, unknown>, key = DEMO_KEY) {
  const pages: { device_id: string; user_id?: string }[][] = [];
  let next_token: string | undefined;
  do {
    const res = await get(path, { ...query, ...(next_token ? { next_token } : {}) }, key);
    expect(res.status).toBe(200);
    pages.push(res.body.data);
    next_token = res.body.meta.next_token ?? undefined;
  } while (next_token && pages.length < 50);
  return pages;
}

describe('GET /v1/devices', () => {
  test("lists the heat pumps the callback named, for the callback's NOX user, in the spec's shape", async () => {
    const linked = await linkUser(mock.app, 'user_123', 'alice+devices2');
    const res = await get('/v1/devices', { user_id: linked.nox_user_id });
    expect(res.status).toBe(200);
    expect(spec.validateResponse('GET', '/v1/devices', 200, res.body)).toEqual([]);
    expect(res.body.data.map((d: { device_id: string }) => d.device_id).sort()).toEqual(
      [...linked.device_ids].sort(),
    );
    expect(res.body.data[0]).toMatchObject({
      brand: 'daikin',
      user_id: linked.nox_user_id,
      device_type: 'heat_pump',
      needs_reauthentication: false,
    });
    expect(res.body.meta).toEqual({ energy_supplier: 'Acme Energy', capacity_unit: 'kWh', next_token: null });
  });

  test("hides steerable_status and legionella_config from a full-control organisation, NOX's package rule", async () => {
    const linked = await linkUser(mock.app, 'user_123', 'alice');
    const row = async () => (await get('/v1/devices', { user_id: linked.nox_user_id })).body.data[0];
    // The default, supplier-control, shows them (as NOX's API example does).
    expect((await request(mock.app).get('/__nox/policies')).body.package).toBe('supplier-control');
    expect(await row()).toHaveProperty('steerable_status.steering_enabled', false);
    expect(await row()).toHaveProperty('legionella_config.frequency_per_weeks');
    const set = await request(mock.app)
      .put('/__nox/policies')
      .send({ organisation_id: 'supplier_123', package: 'full-control' });
    expect(set.body.package).toBe('full-control');
    const res = await get('/v1/devices', { user_id: linked.nox_user_id });
    expect(spec.validateResponse('GET', '/v1/devices', 200, res.body)).toEqual([]);
    expect(res.body.data[0]).not.toHaveProperty('steerable_status');
    expect(res.body.data[0]).not.toHaveProperty('legionella_config');
    expect(res.body.data[0]).toMatchObject({
      device_id: linked.device_ids[0],
      cycle_config: expect.any(Object),
    });
  });

  test('pages through many devices in a stable order with no gaps or duplicates', async () => {
    for (let i = 0; i < 4; i++) await linkUser(mock.app, `user_${i}`, `owner${i}+devices5`);
    const whole = (await get('/v1/devices')).body.data.map(
      (d: { device_id: string; user_id: string }) => `${d.device_id}/${d.user_id}`,
    );
    expect(whole).toHaveLength(20);
    expect([...whole].sort()).toEqual(whole);
    const pages = await allPages('/v1/devices', { limit: 6 });
    expect(pages.map((p) => p.length)).toEqual([6, 6, 6, 2]);
    expect(pages.flat().map((d) => `${d.device_id}/${d.user_id}`)).toEqual(whole);
  });

  test('pages by the policy default_device_page_size when the call gives no limit, so pagination is testable', async () => {
    const linked = await linkUser(mock.app, 'u', 'alice+devices5');
    const set = await request(mock.app)
      .put('/__nox/policies')
      .send({ organisation_id: 'supplier_123', default_device_page_size: 2 });
    expect(set.status).toBe(200);
    const pages = await allPages('/v1/devices', { user_id: linked.nox_user_id });
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect((await get('/v1/devices', { user_id: linked.nox_user_id, limit: 5 })).body.data).toHaveLength(5);
    const pv = await request(mock.app).get('/__nox/policies?organisation_id=supplier_123');
    expect(pv.body.default_device_page_size).toBe(2);
    expect((await request(mock.app).get('/__nox/policies')).body.default_device_page_size).toBe(1000);
  });

  test('returns the same device twice when one account is linked under two supplier users', async () => {
    const one = await linkUser(mock.app, 'user_a', 'shared');
    const two = await linkUser(mock.app, 'user_b', 'shared');
    const pages = await allPages('/v1/devices', { limit: 1 });
    expect(
      pages
        .flat()
        .map((d) => d.user_id)
        .sort(),
    ).toEqual([one.nox_user_id, two.nox_user_id].sort());
  });

  test('filters by device_id', async () => {
    const linked = await linkUser(mock.app, 'u', 'alice+devices3');
    const res = await get('/v1/devices', { device_id: linked.device_ids[1] });
    expect(res.body.data.map((d: { device_id: string }) => d.device_id)).toEqual([linked.device_ids[1]]);
  });

  test.each([
    [{ limit: 0 }, 'limit must be 1 or more (got 0)'],
    [{ limit: 4001 }, 'limit must be 4000 or less (got 4001)'],
    [{ limit: 'many' }, 'limit must be an integer'],
    [{ next_token: 'garbage' }, 'next_token is not a token this endpoint returned'],
  ])('answers 422 {detail} for %j', async (query, message) => {
    const res = await get('/v1/devices', query);
    expect(res.status).toBe(422);
    expect(spec.validateResponse('GET', '/v1/devices', 422, res.body)).toEqual([]);
    expect(res.body.detail[0].msg).toContain(message);
    expect(res.body.detail[0].loc[0]).toBe('query');
  });

  test('accepts the documented maximum limit of 4000', async () => {
    expect((await get('/v1/devices', { limit: 4000 })).status).toBe(200);
  });

  test('answers 401 {detail} without a key or with an unknown one', async () => {
    const none = await request(mock.app).get('/v1/devices');
    expect(none.status).toBe(401);
    expect(none.body.detail).toMatch(/Missing API key/);
    expect((await get('/v1/devices', {}, 'wrong')).status).toBe(401);
  });

  test("shows a supplier only its own users' devices", async () => {
    const other = await newOrg('supplier', 'Other Energy');
    await linkUser(mock.app, 'mine', 'alice');
    const theirs = await linkUser(mock.app, 'theirs', 'bob', {}, other.api_key);
    const mine = (await get('/v1/devices')).body.data.map((d: { device_id: string }) => d.device_id);
    expect(mine).not.toContain(theirs.device_ids[0]);
    expect((await get('/v1/devices', { user_id: theirs.nox_user_id })).body.data).toEqual([]);
    const res = await get('/v1/devices', {}, other.api_key);
    expect(res.body.data.map((d: { device_id: string }) => d.device_id)).toEqual(theirs.device_ids);
    expect(res.body.meta.energy_supplier).toBe('Other Energy');
  });

  test('reports steering enabled once flex_trading is on, and the country from the location setting', async () => {
    const linked = await linkUser(mock.app, 'u', 'alice');
    await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .send({
        user_id: linked.nox_user_id,
        optimization_settings: { flex_trading: true },
        location: { country: 'NL', postal_code: '1234AB' },
      });
    const [device] = (await get('/v1/devices')).body.data;
    expect(device.steerable_status).toMatchObject({
      steering_enabled: true,
      DHW: { can_activate_action: true },
    });
    expect(device.country).toBe('NL');
  });

  test('leaves PV devices out (they are on /v1/devices/pv)', async () => {
    await linkUser(mock.app, 'u', 'sun', { asset_type: 'pv', brand: 'sma' });
    expect((await get('/v1/devices')).body.data).toEqual([]);
  });

  test('gives the same device the same model and characteristics every time', async () => {
    await linkUser(mock.app, 'u', 'stable+devices2');
    const first = (await get('/v1/devices')).body.data.map(
      ({ user_id, ...rest }: { user_id: string }) => rest,
    );
    const other = await createTestMock();
    await linkUser(other.app, 'u', 'stable+devices2');
    const again = (await request(other.app).get('/v1/devices').set('x-api-key', DEMO_KEY)).body.data.map(
      ({ user_id, ...rest }: { user_id: string }) => rest,
    );
    expect(again).toEqual(first);
  });
});

describe('GET /v1/devices/pv', () => {
  test('lists PV devices with the display brand and the documented fields', async () => {
    const linked = await linkUser(mock.app, 'u', 'sun+devices2', { asset_type: 'pv', brand: 'solaredge' });
    const res = await get('/v1/devices/pv');
    expect(spec.validateResponse('GET', '/v1/devices/pv', 200, res.body)).toEqual([]);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data[0]).toMatchObject({
      brand: 'SolarEdge',
      user_id: linked.nox_user_id,
      has_production_curtailment: false,
    });
    expect(res.body.meta).toEqual({ energy_supplier: 'Acme Energy', next_token: null });
  });

  test('paginates with the limit range 1–4000', async () => {
    await linkUser(mock.app, 'u', 'sun+devices5', { asset_type: 'pv', brand: 'sma' });
    expect((await allPages('/v1/devices/pv', { limit: 2 })).map((p) => p.length)).toEqual([2, 2, 1]);
    expect((await get('/v1/devices/pv', { limit: 4001 })).status).toBe(422);
  });
});

describe('GET /v1/manufacturer/devices', () => {
  test('shows a manufacturer the devices of its brands under every supplier, with meta.manufacturer', async () => {
    const maker = await newOrg('manufacturer', 'Nibe Group', ['nibe']);
    const other = await newOrg('supplier', 'Other Energy');
    const a = await linkUser(mock.app, 'u1', 'alice', { brand: 'nibe' });
    const b = await linkUser(mock.app, 'u2', 'bob', { brand: 'nibe' }, other.api_key);
    await linkUser(mock.app, 'u3', 'carol');
    const res = await get('/v1/manufacturer/devices', {}, maker.api_key);
    expect(spec.validateResponse('GET', '/v1/manufacturer/devices', 200, res.body)).toEqual([]);
    expect(res.body.data.map((d: { device_id: string }) => d.device_id).sort()).toEqual(
      [...a.device_ids, ...b.device_ids].sort(),
    );
    expect(res.body.data.map((d: { energy_supplier: string }) => d.energy_supplier).sort()).toEqual([
      'Acme Energy',
      'Other Energy',
    ]);
    expect(res.body.meta).toEqual({ manufacturer: 'Nibe Group', next_token: null });
  });

  test('lists only heat pumps, since its rows carry DHW and optimisation settings', async () => {
    const maker = await newOrg('manufacturer', 'Mixed Maker', ['daikin', 'sma']);
    const pumps = await linkUser(mock.app, 'u1', 'alice');
    await linkUser(mock.app, 'u2', 'bob+devices2', { asset_type: 'pv', brand: 'sma' });
    const res = await get('/v1/manufacturer/devices', {}, maker.api_key);
    expect(res.status).toBe(200);
    expect(spec.validateResponse('GET', '/v1/manufacturer/devices', 200, res.body)).toEqual([]);
    expect(res.body.data.map((d: { device_id: string }) => d.device_id)).toEqual(pumps.device_ids);
    expect(res.body.data[0]).toMatchObject({
      dhw: { temperature_lower_bound: 45, temperature_upper_bound: 55 },
      optimization_settings: { pv_self_consumption: false, dynamic_tariff: false, flex_trading: false },
    });
    // NOX's example gives the DHW bounds upper first.
    expect(Object.keys(res.body.data[0].dhw)).toEqual(['temperature_upper_bound', 'temperature_lower_bound']);
  });

  test('refuses a supplier key, and the supplier endpoints refuse a manufacturer key', async () => {
    expect((await get('/v1/manufacturer/devices')).status).toBe(401);
    const res = await get('/v1/devices', {}, 'mfr_api_key_123');
    expect(res.status).toBe(401);
    expect(res.body.detail).toContain('needs a supplier API key');
  });
});
