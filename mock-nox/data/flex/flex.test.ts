import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  createSupplier,
  expectInSpec,
  getData,
  postData,
  secondsUntil,
} from '../../../test/test-support/data-requests.ts';
import { createTestMock, DEMO_KEY, linkUser } from '../../../test/test-support/test-mock.ts';

let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

const DOWN = '/v1/flex/down';
const UP = '/v1/flex/up';
const CURRENT = '/v1/device/thermal-control/current-state';
const DEVICE_FORECAST = '/v1/device/consumption/forecast/15min';

type Row = { device_id?: string; timestamp: string; energy: number };
const rows = async (path: string, query: Record<string, string | number | boolean> = {}): Promise<Row[]> =>
  (await getData(mock.app, path, query)).body.data;
const energyOf = (list: Row[], deviceId: string | undefined) =>
  list.find((r) => r.device_id === deviceId)?.energy;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const linkPv = (user = 'u2') => linkUser(mock.app, user, 'bob', { asset_type: 'pv', brand: 'sma' });

describe('GET /v1/flex/down and /v1/flex/up', () => {
  test.each([DOWN, UP])(
    '%s answers one row per device of the caller, heat pumps and PV, for the current quarter-hour in kWh, in the spec',
    async (path) => {
      const hp = await linkUser(mock.app, 'u1', 'alice+devices3');
      const pv = await linkPv();
      mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
      const res = await getData(mock.app, path);
      expect(res.status).toBe(200);
      expectInSpec(res, 'GET', path);
      expect(res.body.data.map((r: Row) => r.device_id)).toEqual([...hp.device_ids, ...pv.device_ids].sort());
      for (const row of res.body.data) {
        expect(row.timestamp).toBe('2026-01-01 10:00:00');
        expect(row.energy).toBeGreaterThanOrEqual(0);
        expect(row.energy).toBeLessThan(10);
      }
      expect(res.body.meta).toEqual({ energy_supplier: 'Acme Energy', next_token: null, energy_unit: 'kWh' });
    },
  );

  test('gives the same figures for the same clock and settings, and new ones when the clock moves', async () => {
    await linkUser(mock.app, 'u1', 'alice+devices3');
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const first = await rows(DOWN);
    expect(await rows(DOWN)).toEqual(first);
    mock.time.advance(8 * 3600);
    const later = await rows(DOWN);
    expect(later[0]?.timestamp).toBe('2026-01-01 18:00:00');
    expect(later.map((r) => r.energy)).not.toEqual(first.map((r) => r.energy));
  });

  test('lets a heat pump flex up by what it would draw in the quarter-hour (it pauses), as the device forecast shows', async () => {
    const hp = await linkUser(mock.app, 'u1', 'alice+devices3');
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const next = await rows(DEVICE_FORECAST);
    mock.time.advance(secondsUntil('2026-01-01T10:16:00Z') - secondsUntil('2026-01-01T10:07:00Z'));
    const up = await rows(UP);
    for (const id of hp.device_ids) {
      const drawn = next.find((r) => r.device_id === id) as unknown as { consumption: number };
      expect(drawn.consumption).toBeGreaterThan(0);
      expect(energyOf(up, id)).toBe(drawn.consumption);
    }
  });

  test('lets a heat pump flex down by heating ahead, at most what its top tank and house levels draw', async () => {
    const hp = await linkUser(mock.app, 'u1', 'alice+devices3');
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const down = await rows(DOWN);
    for (const id of hp.device_ids) {
      const state = (await getData(mock.app, CURRENT, { device_id: id })).body.data;
      const top = (state.tank.P_if_activated[3] + state.house.P_heating[7]) * 0.25;
      expect(energyOf(down, id)).toBeGreaterThan(0);
      expect(energyOf(down, id)).toBeLessThanOrEqual(top + 0.01);
    }
  });

  test('gives a heat pump whose comfort bounds leave no room neither flex down nor flex up', async () => {
    const hp = await linkUser(mock.app, 'u1', 'alice');
    const id = hp.device_ids[0] ?? '';
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const patch = await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .send({
        user_id: hp.nox_user_id,
        device_id: id,
        dhw: { temperature_lower_bound: 50, temperature_upper_bound: 50 },
        room: { temperature_lower_bound: 0, temperature_upper_bound: 0 },
      });
    expect(patch.status).toBe(204);
    expect(energyOf(await rows(DOWN, { device_id: id }), id)).toBeLessThanOrEqual(0.01);
    expect(energyOf(await rows(UP, { device_id: id }), id)).toBeLessThanOrEqual(0.01);
  });

  test("counts a PV device's production as flex down, and what a curtailment holds back as flex up", async () => {
    const pv = (await linkPv()).device_ids[0];
    // At a quarter-hour start, so the curtailment covers the whole quarter-hour.
    mock.time.advance(secondsUntil('2026-01-01T11:45:00Z'));
    const producing = energyOf(await rows(DOWN), pv) ?? 0;
    expect(producing).toBeGreaterThan(0);
    expect(energyOf(await rows(UP), pv)).toBe(0);
    expect((await postData(mock.app, '/v1/devices/pv/flex', { target_percentage: 100 })).status).toBe(200);
    expect(energyOf(await rows(DOWN), pv)).toBe(0);
    expect(energyOf(await rows(UP), pv)).toBe(producing);
  });

  test('sums the devices into one row without device_id when aggregated=true, unless device_id is given', async () => {
    const hp = await linkUser(mock.app, 'u1', 'alice+devices3');
    await linkPv();
    const each = await rows(DOWN);
    const summed = await getData(mock.app, DOWN, { aggregated: true });
    expectInSpec(summed, 'GET', DOWN);
    expect(summed.body.data).toEqual([
      { timestamp: '2026-01-01 00:00:00', energy: expect.closeTo(sum(each.map((r) => r.energy)), 1) },
    ]);
    const id = hp.device_ids[1];
    const one = await rows(DOWN, { aggregated: true, device_id: id ?? '' });
    expect(one).toEqual([each.find((r) => r.device_id === id)]);
    const none = await getData(mock.app, UP, { aggregated: true }, await createSupplier(mock.app));
    expect(none.body.data).toEqual([]);
  });

  test("never shows another supplier's devices, and answers 404 for one of them by device_id", async () => {
    const otherKey = await createSupplier(mock.app);
    const theirs = await linkUser(mock.app, 'u9', 'zoe', {}, otherKey);
    const mine = await linkUser(mock.app, 'u1', 'alice');
    expect((await rows(DOWN)).map((r) => r.device_id)).toEqual(mine.device_ids);
    const theirRows = (await getData(mock.app, UP, {}, otherKey)).body.data;
    expect(theirRows.map((r: Row) => r.device_id)).toEqual(theirs.device_ids);
    const res = await getData(mock.app, DOWN, { device_id: theirs.device_ids[0] ?? '' });
    expect(res.status).toBe(404);
    expectInSpec(res, 'GET', DOWN);
    expect(res.body.detail).toContain('among the devices of Acme Energy');
  });

  test("pages with limit and next_token, later pages computed for the first page's time", async () => {
    await linkUser(mock.app, 'u1', 'alice+devices3');
    await linkPv();
    mock.time.advance(secondsUntil('2026-01-01T11:50:00Z'));
    const whole = await rows(DOWN);
    expect(whole).toHaveLength(4);
    const first = await getData(mock.app, DOWN, { limit: 3 });
    expectInSpec(first, 'GET', DOWN);
    expect(first.body.data).toEqual(whole.slice(0, 3));
    expect(first.body.meta.next_token).toEqual(expect.any(String));
    mock.time.advance(3600);
    const second = await getData(mock.app, DOWN, { limit: 3, next_token: first.body.meta.next_token });
    expect(second.body.data).toEqual(whole.slice(3));
    expect(second.body.meta.next_token).toBeNull();
    const crossed = await getData(mock.app, UP, { limit: 3, next_token: first.body.meta.next_token });
    expect(crossed.status).toBe(422);
    expect(crossed.body.detail[0].loc).toEqual(['query', 'next_token']);
  });

  test.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 1001 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ aggregated: 'maybe' }, 'aggregated'],
    [{ next_token: 'not-a-token' }, 'next_token'],
  ])('refuses %o with a 422 at the query parameter, in the spec', async (query, name) => {
    await linkUser(mock.app, 'u1', 'alice');
    for (const path of [DOWN, UP]) {
      const res = await getData(mock.app, path, query);
      expect(res.status).toBe(422);
      expectInSpec(res, 'GET', path);
      expect(res.body.detail[0].loc).toEqual(['query', name]);
    }
  });

  test('answers 401 without a key and with a manufacturer key, in the spec', async () => {
    const missing = await request(mock.app).get(DOWN);
    expect(missing.status).toBe(401);
    expectInSpec(missing, 'GET', DOWN);
    expect((await getData(mock.app, UP, {}, 'mfr_api_key_123')).status).toBe(401);
  });
});

describe('POST /v1/flex/down and /v1/flex/up', () => {
  test('answers the documented message for 500 kWh, with the supplier in meta, in the spec', async () => {
    const res = await request(mock.app).post(DOWN).query({ energy: 500 }).set('x-api-key', DEMO_KEY);
    expect(res.status).toBe(200);
    expectInSpec(res, 'POST', DOWN);
    expect(res.body).toEqual({
      message: 'Flex down operation successful across all devices for 500.0 kWh.',
      meta: { energy_supplier: 'Acme Energy' },
    });
  });

  test.each([
    [undefined, '0.0'],
    ['7', '7.0'],
    ['12.5', '12.5'],
    ['0.0001', '0.0001'],
    ['0.00001', '1e-05'],
    ['1234567.891', '1234567.891'],
    ['1e16', '1e+16'],
    ['-0', '-0.0'],
  ])('writes energy=%s as Python writes the float: %s', async (energy, written) => {
    const res = await request(mock.app)
      .post(UP)
      .query(energy === undefined ? {} : { energy })
      .set('x-api-key', DEMO_KEY);
    expect(res.status).toBe(200);
    expectInSpec(res, 'POST', UP);
    expect(res.body.message).toBe(`Flex up operation successful across all devices for ${written} kWh.`);
  });

  test.each(['-1', 'abc', 'Infinity', '1e999'])(
    'refuses energy=%s with a 422 at query.energy, in the spec',
    async (energy) => {
      const res = await request(mock.app).post(DOWN).query({ energy }).set('x-api-key', DEMO_KEY);
      expect(res.status).toBe(422);
      expectInSpec(res, 'POST', DOWN);
      expect(res.body.detail[0].loc).toEqual(['query', 'energy']);
    },
  );

  test('answers 401 without a key, in the spec', async () => {
    const res = await request(mock.app).post(UP).query({ energy: 1 });
    expect(res.status).toBe(401);
    expectInSpec(res, 'POST', UP);
  });
});
