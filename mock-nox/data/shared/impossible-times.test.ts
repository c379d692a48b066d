import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { expectInSpec, getData, postData } from '../../../test/test-support/data-requests.ts';
import { createTestMock, linkUser } from '../../../test/test-support/test-mock.ts';
import { NoxError } from '../../errors/nox-error.ts';
import { parseUtc } from './time-format.ts';

let mock: Awaited<ReturnType<typeof createTestMock>>;
let pump: string;
let inverter: string;
beforeEach(async () => {
  mock = await createTestMock();
  pump = (await linkUser(mock.app, 'u1', 'alice')).device_ids[0] ?? '';
  inverter = (await linkUser(mock.app, 'u2', 'bob', { asset_type: 'pv', brand: 'sma' })).device_ids[0] ?? '';
});

const state = async () => (await request(mock.app).get('/__nox/state')).body;
const levels = Array<number>(96).fill(0);
// Each matches the format's regex but names no real instant.
const IMPOSSIBLE = [
  '2026-13-01T00:00:00Z',
  '2027-02-30T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:60:00',
];

describe('times that match the format but name no real instant', () => {
  test.each(IMPOSSIBLE)('POST /v1/devices/pv/flex refuses end_time %s and stores nothing', async (time) => {
    const res = await postData(mock.app, '/v1/devices/pv/flex', { target_percentage: 50, end_time: time });
    expect(res.status).toBe(422);
    expectInSpec(res, 'POST', '/v1/devices/pv/flex');
    expect(res.body.detail[0]).toMatchObject({ loc: ['body', 'end_time'], type: 'value_error' });
    expect(res.body.detail[0].msg).toBe(
      `end_time must be a real UTC time in ISO 8601, e.g. 2025-01-15T10:00:00Z or null (got "${time}")`,
    );
    expect((await state()).pv_flex_controls).toEqual([]);
    const logs = await getData(mock.app, '/v1/devices/pv/flex/logs', {
      start_time: '2026-01-01T00:00:00Z',
      end_time: '2026-01-02T00:00:00Z',
    });
    expect(logs.status).toBe(200);
  });

  test.each(IMPOSSIBLE)(
    'POST /v1/devices/pv/schedule refuses start_time %s and stores nothing',
    async (time) => {
      const res = await postData(mock.app, '/v1/devices/pv/schedule', {
        device_id: inverter,
        start_time: time,
        end_time: '2028-01-01T00:00:00Z',
      });
      expect(res.status).toBe(422);
      expect(res.body.detail[0].loc).toEqual(['body', 'start_time']);
      expect((await state()).pv_schedules).toEqual([]);
    },
  );

  test('POST /v1/device/thermal-control/schedule refuses an impossible start_time', async () => {
    const res = await postData(mock.app, '/v1/device/thermal-control/schedule', {
      device_id: pump,
      start_time: '2027-02-30T00:00:00Z',
      tank: levels,
      house: levels,
    });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(['body', 'start_time']);
    expect((await state()).thermal_schedules).toEqual([]);
  });

  test.each([
    ['/v1/house/consumption/forecast/historical', {}],
    ['/v1/devices/pv/flex/logs', {}],
    ['/v1/device/thermal-control/forecast', { device_id: 'pump' }],
  ])('GET %s answers 422 for an impossible start_time, not 500 or an empty answer', async (path, extra) => {
    const query = { ...extra, start_time: '2026-13-01T00:00:00Z', end_time: '2026-01-02T00:00:00Z' };
    if ('device_id' in query) query.device_id = pump;
    const res = await getData(mock.app, path, query);
    expect(res.status).toBe(422);
    expectInSpec(res, 'GET', path);
    expect(res.body.detail[0].loc).toEqual(['query', 'start_time']);
  });

  test('a forecast for 30 February is refused rather than rolled over into March', async () => {
    const res = await getData(mock.app, '/v1/device/thermal-control/forecast', {
      device_id: pump,
      start_time: '2027-02-30T00:00:00Z',
      end_time: '2027-03-03T00:00:00Z',
    });
    expect(res.status).toBe(422);
  });

  test('still accepts every documented way of writing a UTC time, leap days included', async () => {
    for (const start_time of [
      '2028-02-29T00:00:00Z',
      '2028-02-29T00:00:00',
      '2028-02-29T00:00:00+00:00',
      '2028-02-29T00:00:00+0000',
      '2028-02-29T00:00:00.123456Z',
      '2028-02-29T00:00',
    ]) {
      const res = await getData(mock.app, '/v1/device/thermal-control/forecast', {
        device_id: pump,
        start_time,
        end_time: '2028-02-29T01:00:00Z',
      });
      expect(res.status, start_time).toBe(200);
      expect(res.body.data.forecasts[0].timestamp).toBe('2028-02-29 00:00:00');
    }
    const notLeap = await getData(mock.app, '/v1/device/thermal-control/forecast', {
      device_id: pump,
      start_time: '2027-02-29T00:00:00Z',
    });
    expect(notLeap.status).toBe(422);
  });
});

describe('parseUtc', () => {
  test('throws a 422 at the given loc for a time that names no real instant, as a second guard', () => {
    expect(parseUtc('2026-01-02T03:04:05.9Z', ['query', 'start_time'])).toBe(
      Date.UTC(2026, 0, 2, 3, 4, 5) / 1000,
    );
    try {
      parseUtc('2026-13-01T00:00:00Z', ['body', 'end_time']);
      expect.unreachable('parseUtc accepted month 13');
    } catch (error) {
      expect(error).toBeInstanceOf(NoxError);
      expect((error as NoxError).status).toBe(422);
      expect((error as NoxError).issues?.[0]?.loc).toEqual(['body', 'end_time']);
    }
  });
});
