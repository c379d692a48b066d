import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  createSupplier,
  expectInSpec,
  getData,
  postData,
  secondsUntil,
} from '../../../test/test-support/data-requests.ts';
import { createTestMock, linkUser } from '../../../test/test-support/test-mock.ts';

let mock: Awaited<ReturnType<typeof createTestMock>>;
let sma: string;
beforeEach(async () => {
  mock = await createTestMock();
  sma = (await linkUser(mock.app, 'u1', 'bob', { asset_type: 'pv', brand: 'sma' })).device_ids[0] ?? '';
});

const SCHEDULE = '/v1/devices/pv/schedule';
const FLEX = '/v1/devices/pv/flex';
const LOGS = '/v1/devices/pv/flex/logs';
const REALTIME = '/v1/devices/pv/production/forecast/realtime';

type Row = { forecast_time: string; production: number };
const production = async (app = mock.app): Promise<Row[]> => (await getData(app, REALTIME)).body.data;
const at = (rows: Row[], hhmm: string) =>
  rows.find((r) => r.forecast_time.slice(11, 16) === hhmm)?.production ?? NaN;

describe('GET /v1/devices/pv/production/forecast/realtime', () => {
  test('answers 96 quarter-hours from the current one with millisecond UTC times, in the spec', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const res = await getData(mock.app, REALTIME);
    expect(res.status).toBe(200);
    expectInSpec(res, 'GET', REALTIME);
    expect(res.body.data).toHaveLength(96);
    expect(res.body.data[0].forecast_time).toBe('2026-01-01T10:00:00.000Z');
    expect(res.body.data.at(-1).forecast_time).toBe('2026-01-02T09:45:00.000Z');
    expect(res.body.meta).toEqual({
      energy_supplier: 'Acme Energy',
      production_unit: 'kWh',
      granularity: '15min',
      output_timezone: 'UTC',
    });
  });

  test('is zero at night and a bell around midday, higher in June than in January', async () => {
    const january = await production();
    expect(at(january, '02:00')).toBe(0);
    expect(at(january, '20:00')).toBe(0);
    expect(at(january, '11:45')).toBeGreaterThan(at(january, '09:00'));
    expect(at(january, '11:45')).toBeGreaterThan(at(january, '15:00'));
    mock.time.advance(secondsUntil('2026-06-21T00:00:00Z'));
    const june = await production();
    expect(at(june, '05:00')).toBeGreaterThan(0);
    expect(Math.max(...june.map((r) => r.production))).toBeGreaterThan(
      Math.max(...january.map((r) => r.production)),
    );
  });

  test('sums all the PV devices of the caller and leaves heat pumps out', async () => {
    const one = await production();
    await linkUser(mock.app, 'u2', 'alice');
    expect(await production()).toEqual(one);
    await linkUser(mock.app, 'u3', 'carol+devices2', { asset_type: 'pv', brand: 'solis' });
    expect(at(await production(), '11:45')).toBeGreaterThan(at(one, '11:45'));
  });

  test('gives the same numbers for the same account in a fresh mock', async () => {
    const fresh = await createTestMock();
    await linkUser(fresh.app, 'u1', 'bob', { asset_type: 'pv', brand: 'sma' });
    expect(await production(fresh.app)).toEqual(await production());
  });

  test('answers empty data to a supplier without PV devices, and 401 without a key', async () => {
    const otherKey = await createSupplier(mock.app);
    await linkUser(mock.app, 'u9', 'alice', {}, otherKey);
    expect((await getData(mock.app, REALTIME, {}, otherKey)).body.data).toEqual([]);
    const res = await request(mock.app).get(REALTIME);
    expect(res.status).toBe(401);
    expectInSpec(res, 'GET', REALTIME);
  });
});

describe('POST /v1/devices/pv/schedule', () => {
  const window = { start_time: '2026-01-01T11:00:00Z', end_time: '2026-01-01T12:00:00Z' };

  test('accepts a switch-off window for a PV device, in the spec', async () => {
    const res = await postData(mock.app, SCHEDULE, { device_id: sma, ...window });
    expect(res.status).toBe(200);
    expectInSpec(res, 'POST', SCHEDULE);
    expect(res.body).toEqual({
      status: 'success',
      message: `Steering schedule accepted for ${sma}`,
      meta: { schedule_granularity: '1min', energy_supplier: 'Acme Energy', timezone: 'UTC' },
    });
  });

  test('switches production off in the window, to the minute, in the realtime forecast', async () => {
    const before = await production();
    await postData(mock.app, SCHEDULE, { device_id: sma, ...window });
    await postData(mock.app, SCHEDULE, {
      device_id: sma,
      start_time: '2026-01-01T13:05:00Z',
      end_time: '2026-01-01T13:10:00Z',
    });
    const after = await production();
    for (const hhmm of ['11:00', '11:15', '11:30', '11:45']) expect(at(after, hhmm)).toBe(0);
    expect(at(after, '10:45')).toBe(at(before, '10:45'));
    expect(at(after, '12:00')).toBe(at(before, '12:00'));
    // Off for 5 of the quarter's 15 minutes: two thirds of the production remain.
    expect(at(before, '13:00')).toBeGreaterThan(0.1);
    expect(Math.abs(at(after, '13:00') - (at(before, '13:00') * 2) / 3)).toBeLessThanOrEqual(0.01);
    expect((await request(mock.app).get('/__nox/state')).body.pv_schedules).toHaveLength(2);
  });

  test('answers 422 when end_time is not after start_time or a field is missing', async () => {
    const reversed = await postData(mock.app, SCHEDULE, {
      device_id: sma,
      start_time: window.end_time,
      end_time: window.start_time,
    });
    expect(reversed.status).toBe(422);
    expectInSpec(reversed, 'POST', SCHEDULE);
    expect(reversed.body.detail[0]).toMatchObject({
      loc: ['body', 'end_time'],
      msg: 'end_time must be after start_time',
    });
    const missing = await postData(mock.app, SCHEDULE, { device_id: sma, start_time: window.start_time });
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0].loc).toEqual(['body', 'end_time']);
  });

  test('answers 404 for a heat pump or a PV device of another supplier', async () => {
    const hp = (await linkUser(mock.app, 'u2', 'alice')).device_ids[0];
    const otherKey = await createSupplier(mock.app);
    const theirs = (await linkUser(mock.app, 'u9', 'zed', { asset_type: 'pv', brand: 'sma' }, otherKey))
      .device_ids[0];
    for (const device_id of [hp, theirs]) {
      const res = await postData(mock.app, SCHEDULE, { device_id, ...window });
      expect(res.status).toBe(404);
      expectInSpec(res, 'POST', SCHEDULE);
    }
  });
});

describe('POST /v1/devices/pv/flex', () => {
  test('accepts a curtailment of all PV devices, in the spec, and logs their brands and count', async () => {
    await linkUser(mock.app, 'u2', 'carol', { asset_type: 'pv', brand: 'solis' });
    mock.time.advance(secondsUntil('2026-01-01T08:00:00Z'));
    const res = await postData(mock.app, FLEX, { target_percentage: 40, end_time: '2026-01-01T12:00:00Z' });
    expect(res.status).toBe(200);
    expectInSpec(res, 'POST', FLEX);
    expect(res.body).toEqual({ meta: { energy_supplier: 'Acme Energy' } });
    const logs = await getData(mock.app, LOGS, {
      start_time: '2026-01-01T00:00:00Z',
      end_time: '2026-01-02T00:00:00Z',
    });
    expect(logs.status).toBe(200);
    expectInSpec(logs, 'GET', LOGS);
    expect(logs.body).toEqual({
      data: [
        {
          timestamp: '2026-01-01T08:00:00.000000+00:00',
          control_type: 'production_curtailment',
          target_percentage: 40,
          brand_filter: ['Sma', 'Solis'],
          executed_flex_device_count: 2,
          end_time: '2026-01-01T12:00:00.000000+00:00',
        },
      ],
      meta: { energy_supplier: 'Acme Energy' },
    });
  });

  test('lowers the realtime forecast by the percentage until end_time, and by target_kw after a new request', async () => {
    const before = await production();
    await postData(mock.app, FLEX, { target_percentage: 50, end_time: '2026-01-01T12:00:00Z' });
    const half = await production();
    expect(Math.abs(at(half, '10:00') - at(before, '10:00') / 2)).toBeLessThanOrEqual(0.01);
    expect(at(half, '12:00')).toBe(at(before, '12:00'));
    await postData(mock.app, FLEX, { target_kw: 1000 });
    expect(at(await production(), '13:00')).toBe(0);
  });

  test('ends an older indefinite control with a newer one, which does not bring it back when it ends', async () => {
    const before = await production();
    await postData(mock.app, FLEX, { target_percentage: 100 });
    expect(at(await production(), '11:45')).toBe(0);
    await postData(mock.app, FLEX, { target_percentage: 50, end_time: '2026-01-01T11:00:00Z' });
    const after = await production();
    expect(Math.abs(at(after, '10:00') - at(before, '10:00') / 2)).toBeLessThanOrEqual(0.01);
    expect(at(after, '11:45')).toBe(at(before, '11:45'));
    mock.time.advance(secondsUntil('2026-01-01T11:30:00Z'));
    const devices = (await getData(mock.app, '/v1/devices/pv')).body.data;
    expect(devices[0].has_production_curtailment).toBe(false);
  });

  test('refuses both or neither of target_kw and target_percentage, naming both', async () => {
    for (const body of [
      { target_kw: 2, target_percentage: 50 },
      {},
      { target_kw: null, target_percentage: null },
    ]) {
      const res = await postData(mock.app, FLEX, body);
      expect(res.status).toBe(422);
      expectInSpec(res, 'POST', FLEX);
      expect(res.body.detail[0].msg).toContain('target_kw');
      expect(res.body.detail[0].msg).toContain('target_percentage');
    }
    expect((await request(mock.app).get('/__nox/state')).body.pv_flex_controls).toEqual([]);
  });

  test('refuses an end_time that is not in the future and a percentage over 100', async () => {
    mock.time.advance(3600);
    const past = await postData(mock.app, FLEX, { target_percentage: 10, end_time: '2026-01-01T01:00:00Z' });
    expect(past.status).toBe(422);
    expect(past.body.detail[0].loc).toEqual(['body', 'end_time']);
    const over = await postData(mock.app, FLEX, { target_percentage: 101 });
    expect(over.status).toBe(422);
    expect(over.body.detail[0].loc).toEqual(['body', 'target_percentage']);
  });
});

describe('GET /v1/devices/pv/flex/logs', () => {
  test("lists the caller's controls in [start_time, end_time), oldest first", async () => {
    const otherKey = await createSupplier(mock.app);
    await postData(mock.app, FLEX, { target_kw: 1.5 });
    await postData(mock.app, FLEX, { target_percentage: 0 }, otherKey);
    mock.time.advance(6 * 3600);
    await postData(mock.app, FLEX, { target_percentage: 100 });
    const query = (end_time: string) => ({ start_time: '2026-01-01T00:00:00', end_time });
    const firstOnly = (await getData(mock.app, LOGS, query('2026-01-01T06:00:00Z'))).body.data;
    expect(firstOnly).toEqual([
      expect.objectContaining({ target_percentage: null, executed_flex_device_count: 1 }),
    ]);
    const both = (await getData(mock.app, LOGS, query('2026-01-01T06:00:01Z'))).body.data;
    expect(both.map((l: { timestamp: string }) => l.timestamp)).toEqual([
      '2026-01-01T00:00:00.000000+00:00',
      '2026-01-01T06:00:00.000000+00:00',
    ]);
    const theirs = (await getData(mock.app, LOGS, query('2026-01-02T00:00:00Z'), otherKey)).body.data;
    expect(theirs).toEqual([
      expect.objectContaining({ target_percentage: 0, brand_filter: [], executed_flex_device_count: 0 }),
    ]);
  });

  test('answers a kW control with only the documented row keys: no target_kw, target_percentage null', async () => {
    await postData(mock.app, FLEX, { target_kw: 1.5 });
    const res = await getData(mock.app, LOGS, {
      start_time: '2026-01-01T00:00:00Z',
      end_time: '2026-01-02T00:00:00Z',
    });
    expectInSpec(res, 'GET', LOGS);
    expect(res.body.data).toEqual([
      {
        timestamp: '2026-01-01T00:00:00.000000+00:00',
        control_type: 'production_curtailment',
        target_percentage: null,
        brand_filter: ['Sma'],
        executed_flex_device_count: 1,
        end_time: null,
      },
    ]);
  });

  test('requires start_time and end_time, end after start, and a key', async () => {
    const missing = await getData(mock.app, LOGS);
    expect(missing.status).toBe(422);
    expectInSpec(missing, 'GET', LOGS);
    expect(missing.body.detail.map((d: { loc: string[] }) => d.loc)).toEqual([
      ['query', 'start_time'],
      ['query', 'end_time'],
    ]);
    const reversed = await getData(mock.app, LOGS, {
      start_time: '2026-01-02T00:00:00Z',
      end_time: '2026-01-01T00:00:00Z',
    });
    expect(reversed.status).toBe(422);
    const res = await request(mock.app)
      .get(LOGS)
      .query({ start_time: '2026-01-01T00:00:00Z', end_time: '2026-01-02T00:00:00Z' });
    expect(res.status).toBe(401);
    expectInSpec(res, 'GET', LOGS);
  });
});
