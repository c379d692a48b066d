import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  createSupplier,
  expectInSpec,
  getData,
  secondsUntil,
} from '../../../test/test-support/data-requests.ts';
import { createTestMock, linkUser } from '../../../test/test-support/test-mock.ts';

let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

const HOUSE = '/v1/house/consumption/forecast';
const HISTORICAL = '/v1/house/consumption/forecast/historical';
const DEVICE = '/v1/device/consumption/forecast/15min';

type Row = { forecast_time: string; consumption: string; forecast_generation_time?: string };
const kwh = (rows: Row[]) => rows.map((r) => Number(r.consumption));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Every page of a paginated GET, following meta.next_token. */
async function allPages(path: string, query: Record<string, string | number | boolean>) {
  const pages: Row[][] = [];
  let token: string | null = null;
  do {
    const res = await getData(mock.app, path, { ...query, ...(token ? { next_token: token } : {}) });
    expect(res.status).toBe(200);
    pages.push(res.body.data);
    token = res.body.meta.next_token;
  } while (token !== null && pages.length < 20);
  return pages;
}

describe('GET /v1/house/consumption/forecast', () => {
  test('answers 288 quarter-hours from the current one with kWh as decimal strings, in the spec', async () => {
    const house = await linkUser(mock.app, 'u1', 'alice');
    mock.time.advance(secondsUntil('2026-01-01T10:07:30Z'));
    const res = await getData(mock.app, HOUSE, { house_id: house.nox_user_id ?? '' });
    expect(res.status).toBe(200);
    expectInSpec(res, 'GET', HOUSE);
    expect(res.body.meta).toEqual({
      energy_supplier: 'Acme Energy',
      next_token: null,
      consumption_unit: 'kWh',
      granularity: '15min',
      output_timezone: 'UTC',
      house_id: house.nox_user_id,
    });
    const rows: Row[] = res.body.data;
    expect(rows).toHaveLength(288);
    expect(rows[0]?.forecast_time).toBe('2026-01-01 10:00');
    expect(rows[1]?.forecast_time).toBe('2026-01-01 10:15');
    expect(rows.at(-1)?.forecast_time).toBe('2026-01-04 09:45');
    for (const row of rows) expect(row.consumption).toMatch(/^\d+\.\d{2}$/);
    expect(Math.min(...kwh(rows))).toBeGreaterThan(0);
  });

  test('pages through the 288 rows with limit=100 in three pages that join up to the whole forecast, even if the clock moves', async () => {
    await linkUser(mock.app, 'u1', 'alice+devices2');
    const whole = (await getData(mock.app, HOUSE)).body.data;
    const pages: Row[][] = [];
    let token: string | null = null;
    do {
      const res = await getData(mock.app, HOUSE, { limit: 100, ...(token ? { next_token: token } : {}) });
      pages.push(res.body.data);
      token = res.body.meta.next_token;
      mock.time.advance(3600);
    } while (token !== null);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 88]);
    expect(pages.flat()).toEqual(whole);
  });

  test('sums all the houses of the caller when house_id is left out', async () => {
    const a = await linkUser(mock.app, 'u1', 'alice');
    const b = await linkUser(mock.app, 'u2', 'bob+devices2');
    const total = kwh((await getData(mock.app, HOUSE)).body.data);
    const first = kwh((await getData(mock.app, HOUSE, { house_id: a.nox_user_id ?? '' })).body.data);
    const second = kwh((await getData(mock.app, HOUSE, { house_id: b.nox_user_id ?? '' })).body.data);
    total.forEach((value, i) => {
      expect(Math.abs(value - (first[i] ?? 0) - (second[i] ?? 0))).toBeLessThanOrEqual(0.011);
    });
    expect((await getData(mock.app, HOUSE)).body.meta.house_id).toBeNull();
  });

  test('gives a house with more heat pumps more consumption, and uses more in January than in July', async () => {
    const one = await linkUser(mock.app, 'u1', 'alice');
    const three = await linkUser(mock.app, 'u2', 'alice+devices3');
    const winter = sum(kwh((await getData(mock.app, HOUSE, { house_id: one.nox_user_id ?? '' })).body.data));
    const bigger = sum(
      kwh((await getData(mock.app, HOUSE, { house_id: three.nox_user_id ?? '' })).body.data),
    );
    expect(bigger).toBeGreaterThan(winter);
    mock.time.advance(secondsUntil('2026-07-01T00:00:00Z'));
    const summer = sum(kwh((await getData(mock.app, HOUSE, { house_id: one.nox_user_id ?? '' })).body.data));
    expect(winter).toBeGreaterThan(summer * 1.5);
  });

  test('gives the same numbers for the same account in a fresh mock, and other numbers for another account', async () => {
    await linkUser(mock.app, 'u1', 'alice+devices2');
    const first = (await getData(mock.app, HOUSE)).body.data;
    expect((await getData(mock.app, HOUSE)).body.data).toEqual(first);
    const fresh = await createTestMock();
    await linkUser(fresh.app, 'u1', 'alice+devices2');
    expect((await getData(fresh.app, HOUSE)).body.data).toEqual(first);
    const other = await createTestMock();
    await linkUser(other.app, 'u9', 'carol+devices2');
    expect((await getData(other.app, HOUSE)).body.data).not.toEqual(first);
  });

  test("answers 404 in NOX's shape for a house of another supplier", async () => {
    const otherKey = await createSupplier(mock.app);
    const theirs = await linkUser(mock.app, 'u1', 'alice', {}, otherKey);
    const res = await getData(mock.app, HOUSE, { house_id: theirs.nox_user_id ?? '' });
    expect(res.status).toBe(404);
    expectInSpec(res, 'GET', HOUSE);
    expect(res.body.detail).toContain(theirs.nox_user_id);
    expect((await getData(mock.app, HOUSE, { house_id: theirs.nox_user_id ?? '' }, otherKey)).status).toBe(
      200,
    );
  });

  test('answers an empty forecast to a supplier without houses', async () => {
    const res = await getData(mock.app, HOUSE);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.meta.next_token).toBeNull();
  });

  test('answers 422 with a detail list for a limit outside 1..1000 or a made-up next_token', async () => {
    for (const limit of [0, 1001]) {
      const res = await getData(mock.app, HOUSE, { limit });
      expect(res.status).toBe(422);
      expectInSpec(res, 'GET', HOUSE);
      expect(res.body.detail[0].loc).toEqual(['query', 'limit']);
    }
    const res = await getData(mock.app, HOUSE, { next_token: 'not-a-token' });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(['query', 'next_token']);
  });

  test('refuses a forged or stale next_token with the invalid-token 422, never a 500 or odd rows', async () => {
    await linkUser(mock.app, 'u1', 'alice');
    mock.time.advance(secondsUntil('2026-01-05T10:07:00Z'));
    const real = (await getData(mock.app, HOUSE, { limit: 100 })).body.meta.next_token;
    const genuine = JSON.parse(Buffer.from(real, 'base64').toString());
    const now = Date.parse('2026-01-05T10:07:00Z') / 1000;
    const forge = (fields: Record<string, unknown>) =>
      Buffer.from(JSON.stringify({ ...genuine, ...fields })).toString('base64');
    for (const fields of [
      { anchor: 1e300 },
      { anchor: -1e13 },
      { anchor: 'now' },
      { anchor: now + 0.5 },
      { anchor: now + 3600 },
      { anchor: now - 2 * 86_400 },
      { offset: -5 },
      { offset: 1.5 },
      { offset: 1e300 },
      { scope: undefined },
    ]) {
      const res = await getData(mock.app, HOUSE, { limit: 100, next_token: forge(fields) });
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expectInSpec(res, 'GET', HOUSE);
      expect(res.body.detail[0].loc).toEqual(['query', 'next_token']);
    }
    expect((await getData(mock.app, HOUSE, { limit: 100, next_token: real })).status).toBe(200);
  });

  test('binds next_token to the endpoint and query that returned it', async () => {
    const a = await linkUser(mock.app, 'u1', 'alice');
    await linkUser(mock.app, 'u2', 'bob');
    const token = (await getData(mock.app, HOUSE, { limit: 100 })).body.meta.next_token;
    const otherHouse = await getData(mock.app, HOUSE, {
      limit: 100,
      house_id: a.nox_user_id ?? '',
      next_token: token,
    });
    expect(otherHouse.status).toBe(422);
    expect(otherHouse.body.detail[0].msg).toContain('not a token this endpoint returned');
    const otherEndpoint = await getData(mock.app, DEVICE, { next_token: token });
    expect(otherEndpoint.status).toBe(422);
    expect((await getData(mock.app, HOUSE, { limit: 50, next_token: token })).status).toBe(200);
  });

  test('lets a series token expire a day after its first page, saying so', async () => {
    await linkUser(mock.app, 'u1', 'alice');
    const token = (await getData(mock.app, HOUSE, { limit: 100 })).body.meta.next_token;
    mock.time.advance(86_400);
    expect((await getData(mock.app, HOUSE, { limit: 100, next_token: token })).status).toBe(200);
    mock.time.advance(1);
    const res = await getData(mock.app, HOUSE, { limit: 100, next_token: token });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc: ['query', 'next_token'], type: 'value_error' });
    expect(res.body.detail[0].msg).toContain('expired');
  });

  test('answers 401 without an API key', async () => {
    const res = await request(mock.app).get(HOUSE);
    expect(res.status).toBe(401);
    expectInSpec(res, 'GET', HOUSE);
  });
});

describe('GET /v1/house/consumption/forecast/historical', () => {
  const window = { start_time: '2026-01-01T00:00:00Z', end_time: '2026-01-10T00:00:00Z' };

  test('requires start_time and end_time, and end_time after start_time', async () => {
    const missing = await getData(mock.app, HISTORICAL);
    expect(missing.status).toBe(422);
    expectInSpec(missing, 'GET', HISTORICAL);
    expect(missing.body.detail.map((d: { loc: string[] }) => d.loc)).toEqual([
      ['query', 'start_time'],
      ['query', 'end_time'],
    ]);
    const reversed = await getData(mock.app, HISTORICAL, {
      start_time: window.end_time,
      end_time: window.start_time,
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.detail[0]).toMatchObject({
      loc: ['query', 'end_time'],
      msg: 'end_time must be after start_time',
    });
    const wide = await getData(mock.app, HISTORICAL, {
      start_time: '2020-01-01T00:00:00Z',
      end_time: '2026-01-01T00:00:00Z',
    });
    expect(wide.status).toBe(422);
    expect(wide.body.detail[0].msg).toContain('at most 31 days');
  });

  test('by forecast time: the past quarter-hours since linking, each from the 09:45 Brussels forecast of the day before', async () => {
    await linkUser(mock.app, 'u1', 'alice');
    mock.time.advance(secondsUntil('2026-01-05T10:07:00Z'));
    const res = await getData(mock.app, HISTORICAL, window);
    expect(res.status).toBe(200);
    expectInSpec(res, 'GET', HISTORICAL);
    const rows: Row[] = res.body.data;
    // Linked 2026-01-01 01:00 Brussels; the first forecast (09:45 CET = 08:45 UTC) covers 2 January Brussels on.
    expect(rows[0]).toMatchObject({
      forecast_time: '2026-01-01 23:00',
      forecast_generation_time: '2026-01-01 08:45:00',
    });
    expect(rows.at(-1)).toMatchObject({
      forecast_time: '2026-01-05 09:45',
      forecast_generation_time: '2026-01-04 08:45:00',
    });
    expect(rows).toHaveLength((3 * 24 + 11) * 4);
    expect(rows.find((r) => r.forecast_time === '2026-01-03 12:00')?.forecast_generation_time).toBe(
      '2026-01-02 08:45:00',
    );
    expect(res.body.meta).toMatchObject({ consumption_unit: 'kWh', granularity: '15min', house_id: null });
  });

  test('by generation time: each forecast generated in the window, 72 h from 00:00 Brussels of the next day', async () => {
    await linkUser(mock.app, 'u1', 'alice');
    mock.time.advance(secondsUntil('2026-01-05T10:07:00Z'));
    const query = {
      start_time: '2026-01-02T00:00:00Z',
      end_time: '2026-01-04T00:00:00Z',
      forecast_generation_timestamp: true,
    };
    const rows: Row[] = (await allPages(HISTORICAL, query)).flat();
    expect(rows).toHaveLength(2 * 288);
    expect(rows[0]).toMatchObject({
      forecast_time: '2026-01-02 23:00',
      forecast_generation_time: '2026-01-02 08:45:00',
    });
    expect(rows[287]?.forecast_time).toBe('2026-01-05 22:45');
    expect(rows[288]).toMatchObject({
      forecast_time: '2026-01-03 23:00',
      forecast_generation_time: '2026-01-03 08:45:00',
    });
  });

  test('uses summer time in July: the forecast is generated at 07:45 UTC and starts at 22:00 UTC', async () => {
    await linkUser(mock.app, 'u1', 'alice');
    mock.time.advance(secondsUntil('2026-07-10T12:00:00Z'));
    const query = {
      start_time: '2026-07-08T00:00:00Z',
      end_time: '2026-07-09T00:00:00Z',
      forecast_generation_timestamp: true,
    };
    const rows: Row[] = (await getData(mock.app, HISTORICAL, query)).body.data;
    expect(rows).toHaveLength(288);
    expect(rows[0]).toMatchObject({
      forecast_time: '2026-07-08 22:00',
      forecast_generation_time: '2026-07-08 07:45:00',
    });
  });

  test('repeats the numbers the live forecast gave for the same quarter-hours', async () => {
    const house = await linkUser(mock.app, 'u1', 'alice+devices2');
    const id = house.nox_user_id ?? '';
    mock.time.advance(secondsUntil('2026-01-03T00:00:00Z'));
    const live: Row[] = (await getData(mock.app, HOUSE, { house_id: id })).body.data;
    mock.time.advance(2 * 86_400);
    const query = { house_id: id, start_time: '2026-01-03T00:00:00Z', end_time: '2026-01-05T00:00:00Z' };
    const past: Row[] = (await getData(mock.app, HISTORICAL, query)).body.data;
    expect(past).toHaveLength(192);
    expect(past.map(({ forecast_time, consumption }) => ({ forecast_time, consumption }))).toEqual(
      live.slice(0, 192),
    );
  });

  test('has no forecasts before the house was linked, nor for the coming days', async () => {
    mock.time.advance(secondsUntil('2026-01-05T00:00:00Z'));
    await linkUser(mock.app, 'u1', 'alice');
    mock.time.advance(3600);
    expect((await getData(mock.app, HISTORICAL, window)).body.data).toEqual([]);
  });

  test('pages with limit and next_token without gaps or duplicates', async () => {
    await linkUser(mock.app, 'u1', 'alice');
    mock.time.advance(secondsUntil('2026-01-05T10:07:00Z'));
    const whole: Row[] = (await getData(mock.app, HISTORICAL, window)).body.data;
    const pages = await allPages(HISTORICAL, { ...window, limit: 100 });
    expect(pages.map((p) => p.length)).toEqual([100, 100, 100, 32]);
    expect(pages.flat()).toEqual(whole);
  });

  test('answers 404 for a house of another supplier', async () => {
    const otherKey = await createSupplier(mock.app);
    const theirs = await linkUser(mock.app, 'u1', 'alice', {}, otherKey);
    const res = await getData(mock.app, HISTORICAL, { ...window, house_id: theirs.nox_user_id ?? '' });
    expect(res.status).toBe(404);
    expectInSpec(res, 'GET', HISTORICAL);
  });
});

describe('GET /v1/device/consumption/forecast/15min', () => {
  test('answers one row per heat pump, ordered by device_id, for the next quarter-hour, in the spec', async () => {
    const hp = await linkUser(mock.app, 'u1', 'alice+devices3');
    await linkUser(mock.app, 'u2', 'bob', { asset_type: 'pv', brand: 'sma' });
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const res = await getData(mock.app, DEVICE);
    expect(res.status).toBe(200);
    expectInSpec(res, 'GET', DEVICE);
    expect(res.body.data.map((r: { device_id: string }) => r.device_id)).toEqual([...hp.device_ids].sort());
    for (const row of res.body.data) {
      expect(row.forecast_time).toBe('2026-01-01 10:15');
      expect(row.consumption).toBeGreaterThan(0);
      expect(row.consumption).toBeLessThan(5);
    }
    expect(res.body.meta).toEqual({
      energy_supplier: 'Acme Energy',
      next_token: null,
      consumption_unit: 'kWh',
      granularity: '15min',
      output_timezone: 'UTC',
    });
  });

  test('sums the devices into one row without device_id when aggregated=true, unless device_id is given', async () => {
    const hp = await linkUser(mock.app, 'u1', 'alice+devices3');
    const rows = (await getData(mock.app, DEVICE)).body.data;
    const summed = await getData(mock.app, DEVICE, { aggregated: true });
    expectInSpec(summed, 'GET', DEVICE);
    expect(summed.body.data).toHaveLength(1);
    expect(summed.body.data[0]).not.toHaveProperty('device_id');
    expect(summed.body.data[0].consumption).toBeCloseTo(
      sum(rows.map((r: { consumption: number }) => r.consumption)),
      1,
    );
    const one = await getData(mock.app, DEVICE, { aggregated: true, device_id: hp.device_ids[1] ?? '' });
    expect(one.body.data).toEqual([
      rows.find((r: { device_id: string }) => r.device_id === hp.device_ids[1]),
    ]);
  });

  test.each([
    ['1', 1],
    ['yes', 1],
    ['on', 1],
    ['TRUE', 1],
    ['0', 3],
    ['no', 3],
    ['off', 3],
    ['false', 3],
  ])('reads aggregated=%s as FastAPI does (%i rows)', async (aggregated, rows) => {
    await linkUser(mock.app, 'u1', 'alice+devices3');
    const res = await getData(mock.app, DEVICE, { aggregated });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(rows);
  });

  test('refuses an aggregated value FastAPI would not read as a boolean', async () => {
    const res = await getData(mock.app, DEVICE, { aggregated: 'maybe' });
    expect(res.status).toBe(422);
    expectInSpec(res, 'GET', DEVICE);
    expect(res.body.detail[0]).toMatchObject({ loc: ['query', 'aggregated'], type: 'boolean_type' });
  });

  test('pages with limit through the devices', async () => {
    await linkUser(mock.app, 'u1', 'alice+devices3');
    const whole = (await getData(mock.app, DEVICE)).body.data;
    const first = await getData(mock.app, DEVICE, { limit: 2 });
    expect(first.body.data).toEqual(whole.slice(0, 2));
    const second = await getData(mock.app, DEVICE, { limit: 2, next_token: first.body.meta.next_token });
    expect(second.body.data).toEqual(whole.slice(2));
    expect(second.body.meta.next_token).toBeNull();
  });

  test('answers 404 for a device of another supplier or a PV device, 422 for limit 0 and 401 without a key', async () => {
    const otherKey = await createSupplier(mock.app);
    const theirs = await linkUser(mock.app, 'u1', 'alice', {}, otherKey);
    const pv = await linkUser(mock.app, 'u2', 'bob', { asset_type: 'pv', brand: 'sma' });
    for (const id of [theirs.device_ids[0], pv.device_ids[0]]) {
      const res = await getData(mock.app, DEVICE, { device_id: id ?? '' });
      expect(res.status).toBe(404);
      expectInSpec(res, 'GET', DEVICE);
    }
    expect((await getData(mock.app, DEVICE, { limit: 0 })).status).toBe(422);
    expect((await request(mock.app).get(DEVICE)).status).toBe(401);
  });
});
