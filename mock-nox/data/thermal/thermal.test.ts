import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../../openapi/validator/openapi-validator.ts';
import {
  createSupplier,
  expectInSpec,
  getData,
  postData,
  secondsUntil,
} from '../../../test/test-support/data-requests.ts';
import { createTestMock, DEMO_KEY, linkUser } from '../../../test/test-support/test-mock.ts';

const spec = loadOpenApi('nox-data');

let mock: Awaited<ReturnType<typeof createTestMock>>;
let pump: { nox_user_id: string; device_id: string };
beforeEach(async () => {
  mock = await createTestMock();
  const linked = await linkUser(mock.app, 'u1', 'alice');
  pump = { nox_user_id: linked.nox_user_id ?? '', device_id: linked.device_ids[0] ?? '' };
});

const FORECAST = '/v1/device/thermal-control/forecast';
const CURRENT = '/v1/device/thermal-control/current-state';
const SCHEDULE = '/v1/device/thermal-control/schedule';
const DEVICE_FORECAST = '/v1/device/consumption/forecast/15min';

// biome-ignore lint/suspicious/noExplicitAny: response rows are checked field by field
type Forecast = any;
const forecast = async (query: Record<string, string> = {}): Promise<Forecast[]> =>
  (await getData(mock.app, FORECAST, { device_id: pump.device_id, ...query })).body.data.forecasts;
const levels = (value: number) => Array<number>(96).fill(value);
const schedule = (body: Record<string, unknown> = {}) =>
  postData(mock.app, SCHEDULE, { device_id: pump.device_id, tank: levels(0), house: levels(0), ...body });

describe('GET /v1/device/thermal-control/forecast', () => {
  test('answers 96 quarter-hours from the current one with the documented fields and kWh units, in the spec', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const res = await getData(mock.app, FORECAST, { device_id: pump.device_id });
    expect(res.status).toBe(200);
    expectInSpec(res, 'GET', FORECAST);
    const rows: Forecast[] = res.body.data.forecasts;
    expect(res.body.data.device_id).toBe(pump.device_id);
    expect(rows).toHaveLength(96);
    expect(rows[0].timestamp).toBe('2026-01-01 10:00:00');
    expect(rows.at(-1).timestamp).toBe('2026-01-02 09:45:00');
    expect(Object.keys(rows[0].tank)).toEqual([
      'upperbound_Z',
      'lowerbound_X',
      'Y_avg',
      'Q_loss',
      'Q_gain',
      'P_if_activated',
      'tank_activation_limit',
      'tank_activation_limit_temp',
    ]);
    expect(Object.keys(rows[0].house)).toEqual([
      'upperbound_Z',
      'lowerbound_X',
      'Y_avg',
      'Y_ideal',
      'Q_natural',
      'Q_heating',
      'Q_cooling',
      'P_heating',
      'P_cooling',
    ]);
    for (const row of rows) {
      expect(row.tank.Q_gain).toHaveLength(4);
      expect(row.tank.P_if_activated).toHaveLength(4);
      for (const key of ['Q_heating', 'Q_cooling', 'P_heating', 'P_cooling'])
        expect(row.house[key]).toHaveLength(8);
    }
    expect(res.body.meta).toEqual({
      forecast_generation_date: '2026-01-01',
      forecast_generation_date_time_zone: 'UTC',
      timestamp_time_zone: 'UTC',
      tank_upperbound_Z_unit: 'kWh',
      tank_lowerbound_X_unit: 'kWh',
      tank_Y_avg_unit: 'kWh',
      tank_Q_loss_unit: 'kW',
      tank_Q_gain_unit: 'kW',
      tank_P_if_activated_unit: 'kW',
      house_upperbound_Z_unit: 'kWh',
      house_lowerbound_X_unit: 'kWh',
      house_Y_avg_unit: 'kWh',
      house_Q_natural_unit: 'kW',
      house_Q_heating_unit: 'kW',
      house_Q_cooling_unit: 'kW',
      house_P_heating_unit: 'kW',
      house_P_cooling_unit: 'kW',
      tank_activation_limits_unit: 'kWh',
      tank_activation_limit_temp_unit: '°C',
      energy_supplier: 'Acme Energy',
    });
  });

  test('keeps tank and room within their bounds, with rising power per level and heat lost in winter', async () => {
    for (const row of await forecast()) {
      const { tank, house } = row;
      expect(tank.Y_avg).toBeGreaterThanOrEqual(tank.lowerbound_X);
      expect(tank.Y_avg).toBeLessThanOrEqual(tank.upperbound_Z);
      expect(house.Y_avg).toBeGreaterThanOrEqual(house.lowerbound_X);
      expect(house.Y_avg).toBeLessThanOrEqual(house.upperbound_Z);
      expect(house.Y_ideal).toBeGreaterThan(house.lowerbound_X);
      expect(house.Q_natural).toBeLessThan(0);
      expect(tank.Q_loss).toBeGreaterThan(0);
      expect(tank.tank_activation_limit).toBeGreaterThan(tank.lowerbound_X);
      expect(tank.P_if_activated[3]).toBeGreaterThan(tank.P_if_activated[0]);
      expect(house.Q_heating[7]).toBeGreaterThan(house.Q_heating[0]);
      expect(house.P_heating[7]).toBeGreaterThan(house.P_heating[0]);
      expect(house.P_heating[7]).toBeLessThan(house.Q_heating[7]);
    }
  });

  test('loses more heat from the house on a January night than on a July afternoon', async () => {
    const winter = (
      await forecast({ start_time: '2026-01-10T04:00:00Z', end_time: '2026-01-10T05:00:00Z' })
    )[0];
    const summer = (
      await forecast({ start_time: '2026-07-10T14:00:00Z', end_time: '2026-07-10T15:00:00Z' })
    )[0];
    expect(winter.house.Q_natural).toBeLessThan(summer.house.Q_natural - 2);
  });

  test('follows start_time and end_time, up to 7 days', async () => {
    const rows = await forecast({ start_time: '2026-01-02T06:00:00Z', end_time: '2026-01-02T12:00:00Z' });
    expect(rows.map((r) => r.timestamp)).toHaveLength(24);
    expect(rows[0].timestamp).toBe('2026-01-02 06:00:00');
    const week = await forecast({ start_time: '2026-01-02T00:00:00', end_time: '2026-01-09T00:00:00' });
    expect(week).toHaveLength(7 * 96);
  });

  test('answers 422 for an end_time not after start_time or more than 7 days after it', async () => {
    for (const end_time of ['2026-01-02T00:00:00Z', '2026-01-01T12:00:00Z', '2026-01-09T00:15:00Z']) {
      const res = await getData(mock.app, FORECAST, {
        device_id: pump.device_id,
        start_time: '2026-01-02T00:00:00Z',
        end_time,
      });
      expect(res.status).toBe(422);
      expectInSpec(res, 'GET', FORECAST);
      expect(res.body.detail[0].loc).toEqual(['query', 'end_time']);
    }
  });

  test('gives temperatures in celsius mode, with the flows renamed T_* in °C per 15 minutes', async () => {
    const res = await getData(mock.app, FORECAST, { device_id: pump.device_id, unit: 'celsius' });
    expectInSpec(res, 'GET', FORECAST);
    const kwh = (await forecast())[0];
    const row = res.body.data.forecasts[0];
    expect(row.tank).toMatchObject({
      upperbound_Z: 55,
      lowerbound_X: 45,
      tank_activation_limit: 48,
      tank_activation_limit_temp: 48,
    });
    expect(row.house).toMatchObject({ upperbound_Z: 22.5, lowerbound_X: 19.5, Y_ideal: 21 });
    expect(row.tank).toHaveProperty('T_loss');
    expect(row.tank).not.toHaveProperty('Q_loss');
    expect(row.house.T_heating).toHaveLength(8);
    expect(row.house.T_natural).toBeLessThan(0);
    expect(row.house.P_heating).toEqual(kwh.house.P_heating);
    // The tank holds kWh per °C above 10 °C tap water; a flow of Q kW is Q × 0.25 / (kWh per °C) °C per 15 min.
    const kwhPerDegree = kwh.tank.upperbound_Z / (55 - 10);
    expect(kwh.tank.Y_avg / kwhPerDegree + 10).toBeCloseTo(row.tank.Y_avg, 1);
    expect(row.tank.T_gain[3]).toBeCloseTo((kwh.tank.Q_gain[3] * 0.25) / kwhPerDegree, 1);
    expect(res.body.meta).toMatchObject({
      tank_Y_avg_unit: '°C',
      tank_T_loss_unit: '°C/15min',
      house_T_natural_unit: '°C/15min',
      house_P_heating_unit: 'kW',
      tank_activation_limit_temp_unit: '°C',
    });
    expect(res.body.meta).not.toHaveProperty('tank_Q_loss_unit');
  });

  test('moves the bounds when the DHW and room settings change', async () => {
    const before = (await forecast())[0];
    const patch = await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .send({
        user_id: pump.nox_user_id,
        dhw: { temperature_lower_bound: 40, temperature_upper_bound: 60 },
        room: { preferred_temperature: 19, temperature_lower_bound: 1, temperature_upper_bound: 2 },
      });
    expect(patch.status).toBe(204);
    const after = (await forecast())[0];
    expect(after.tank.upperbound_Z).toBeGreaterThan(before.tank.upperbound_Z);
    expect(after.tank.lowerbound_X).toBeLessThan(before.tank.lowerbound_X);
    expect(after.house.Y_ideal).toBeLessThan(before.house.Y_ideal);
    const celsius = (await forecast({ unit: 'celsius' }))[0];
    expect(celsius.tank).toMatchObject({
      upperbound_Z: 60,
      lowerbound_X: 40,
      tank_activation_limit_temp: 43,
    });
    expect(celsius.house).toMatchObject({ upperbound_Z: 21, lowerbound_X: 18, Y_ideal: 19 });
  });

  test('gives the same numbers for the same account in a fresh mock', async () => {
    const first = await forecast();
    expect(await forecast()).toEqual(first);
    const fresh = await createTestMock();
    const again = await linkUser(fresh.app, 'u1', 'alice');
    const res = await getData(fresh.app, FORECAST, { device_id: again.device_ids[0] ?? '' });
    expect(res.body.data.forecasts).toEqual(first);
    const other = await linkUser(mock.app, 'u2', 'bob');
    const theirs = await getData(mock.app, FORECAST, { device_id: other.device_ids[0] ?? '' });
    expect(theirs.body.data.forecasts).not.toEqual(first);
  });

  test('answers 404 for a device of another supplier or a PV device, 422 without device_id, 401 without a key', async () => {
    const otherKey = await createSupplier(mock.app);
    const theirs = await linkUser(mock.app, 'u9', 'zoe', {}, otherKey);
    const pv = await linkUser(mock.app, 'u2', 'bob', { asset_type: 'pv', brand: 'sma' });
    for (const id of [theirs.device_ids[0], pv.device_ids[0]]) {
      const res = await getData(mock.app, FORECAST, { device_id: id ?? '' });
      expect(res.status).toBe(404);
      expectInSpec(res, 'GET', FORECAST);
    }
    const missing = await getData(mock.app, FORECAST);
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0].loc).toEqual(['query', 'device_id']);
    expect((await request(mock.app).get(FORECAST).query({ device_id: pump.device_id })).status).toBe(401);
  });
});

describe('GET /v1/device/thermal-control/current-state', () => {
  test('declares every unit key of the meta, in both units: a key the spec lacks is caught', async () => {
    for (const unit of ['kWh', 'celsius']) {
      const res = await getData(mock.app, CURRENT, { device_id: pump.device_id, unit });
      expectInSpec(res, 'GET', CURRENT);
      const extra = { ...res.body, meta: { ...res.body.meta, tank_unicorn_unit: 'kW' } };
      expect(spec.validateResponse('GET', CURRENT, 200, extra)).not.toEqual([]);
    }
  });

  test('describes the current quarter-hour as the first row of the forecast does, in the spec', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const res = await getData(mock.app, CURRENT, { device_id: pump.device_id });
    expect(res.status).toBe(200);
    expectInSpec(res, 'GET', CURRENT);
    const first = (await forecast())[0];
    expect(res.body.data).toEqual({
      device_id: pump.device_id,
      timestamp: '2026-01-01 10:00:00',
      tank: {
        Y: first.tank.Y_avg,
        DHW_temperature: expect.any(Number),
        Q_loss: first.tank.Q_loss,
        Q_gain: first.tank.Q_gain,
        P_if_activated: first.tank.P_if_activated,
        P: first.tank.P_if_activated,
      },
      house: {
        Y: first.house.Y_avg,
        space_temperature: expect.any(Number),
        Q_natural: first.house.Q_natural,
        Q_heating: first.house.Q_heating,
        Q_cooling: first.house.Q_cooling,
        P_heating: first.house.P_heating,
        P_cooling: first.house.P_cooling,
      },
    });
    expect(res.body.meta).toEqual({
      timestamp_time_zone: 'UTC',
      temperature_unit: '°C',
      tank_Y_unit: 'kWh',
      tank_Q_loss_unit: 'kW',
      tank_Q_gain_unit: 'kW',
      tank_P_unit: 'kW',
      tank_P_if_activated_unit: 'kW',
      house_Y_unit: 'kWh',
      house_Q_natural_unit: 'kW',
      house_Q_heating_unit: 'kW',
      house_Q_cooling_unit: 'kW',
      house_P_heating_unit: 'kW',
      house_P_cooling_unit: 'kW',
      energy_supplier: 'Acme Energy',
    });
  });

  test('is described tightly enough by the spec that a missing or mixed-unit field is caught', async () => {
    for (const unit of ['kWh', 'celsius']) {
      const body = (await getData(mock.app, CURRENT, { device_id: pump.device_id, unit })).body;
      const Q = unit === 'kWh' ? 'Q' : 'T';
      expect(spec.validateResponse('GET', CURRENT, 200, body)).toEqual([]);
      const noLoss = structuredClone(body);
      delete noLoss.data.tank[`${Q}_loss`];
      expect(spec.validateResponse('GET', CURRENT, 200, noLoss)).not.toEqual([]);
      const noPower = structuredClone(body);
      delete noPower.data.house.P_heating;
      expect(spec.validateResponse('GET', CURRENT, 200, noPower)).not.toEqual([]);
      const forecastBody = (await getData(mock.app, FORECAST, { device_id: pump.device_id, unit })).body;
      const noBound = structuredClone(forecastBody);
      delete noBound.data.forecasts[3].tank.upperbound_Z;
      expect(spec.validateResponse('GET', FORECAST, 200, noBound)).toEqual([
        expect.stringContaining('data.forecasts.3.tank.upperbound_Z is required'),
      ]);
      const shortHeating = structuredClone(forecastBody);
      shortHeating.data.forecasts[0].house[`${Q}_heating`].pop();
      expect(spec.validateResponse('GET', FORECAST, 200, shortHeating)).not.toEqual([]);
    }
  });

  test('gives Y in °C equal to the DHW temperature in celsius mode, within the DHW bounds', async () => {
    const res = await getData(mock.app, CURRENT, { device_id: pump.device_id, unit: 'celsius' });
    expectInSpec(res, 'GET', CURRENT);
    const { tank, house } = res.body.data;
    expect(tank.Y).toBe(tank.DHW_temperature);
    expect(tank.DHW_temperature).toBeGreaterThanOrEqual(45);
    expect(tank.DHW_temperature).toBeLessThanOrEqual(55);
    expect(house.Y).toBeGreaterThanOrEqual(19.5);
    expect(house.Y).toBeLessThanOrEqual(22.5);
    expect(res.body.meta).toMatchObject({
      tank_Y_unit: '°C',
      tank_T_loss_unit: '°C/15min',
      house_Y_unit: '°C',
    });
  });

  test("also answers the older page's tank.P (kW per level) and house.space_temperature (°C) in both units", async () => {
    mock.time.advance(secondsUntil('2026-01-01T18:00:00Z'));
    const kwh = await getData(mock.app, CURRENT, { device_id: pump.device_id });
    const celsius = await getData(mock.app, CURRENT, { device_id: pump.device_id, unit: 'celsius' });
    for (const res of [kwh, celsius]) {
      expectInSpec(res, 'GET', CURRENT);
      expect(res.body.data.tank.P).toEqual(res.body.data.tank.P_if_activated);
      expect(res.body.data.tank.P).toHaveLength(4);
      expect(res.body.data.house.space_temperature).toBe(celsius.body.data.house.Y);
    }
    expect(kwh.body.data.house.space_temperature).toBeGreaterThanOrEqual(19.5);
    expect(kwh.body.data.house.space_temperature).toBeLessThanOrEqual(22.5);
    expect(kwh.body.data.house.Y).not.toBe(kwh.body.data.house.space_temperature);
  });

  test('answers 404 for a device of another supplier and 422 without device_id', async () => {
    const otherKey = await createSupplier(mock.app);
    const theirs = await linkUser(mock.app, 'u9', 'zoe', {}, otherKey);
    const res = await getData(mock.app, CURRENT, { device_id: theirs.device_ids[0] ?? '' });
    expect(res.status).toBe(404);
    expectInSpec(res, 'GET', CURRENT);
    expect((await getData(mock.app, CURRENT)).status).toBe(422);
  });
});

describe('POST /v1/device/thermal-control/schedule', () => {
  test('accepts 96 levels from the next quarter-hour for 24 h, in the spec', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const res = await schedule();
    expect(res.status).toBe(200);
    expectInSpec(res, 'POST', SCHEDULE);
    expect(res.body).toEqual({
      status: 'success',
      message: `Thermal control schedule accepted for ${pump.device_id}`,
      meta: {
        energy_supplier: 'Acme Energy',
        schedule_granularity: '15min',
        timezone: 'UTC',
        start_time: '2026-01-01T10:15:00Z',
        end_time: '2026-01-02T10:15:00Z',
      },
    });
  });

  test('starts at the quarter-hour after now even when now is exactly on a quarter-hour', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:15:00Z'));
    expect((await schedule()).body.meta.start_time).toBe('2026-01-01T10:30:00Z');
  });

  test('uses a future exact quarter-hour start_time as it is', async () => {
    const res = await schedule({ start_time: '2026-01-03T06:45:00Z' });
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({
      start_time: '2026-01-03T06:45:00Z',
      end_time: '2026-01-04T06:45:00Z',
    });
  });

  test('refuses a start_time that is not an exact quarter-hour or not in the future, saying so', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    for (const start_time of ['2026-01-01T10:20:00Z', '2026-01-01T10:30:30Z']) {
      const res = await schedule({ start_time });
      expect(res.status).toBe(422);
      expectInSpec(res, 'POST', SCHEDULE);
      expect(res.body.detail[0]).toMatchObject({ loc: ['body', 'start_time'] });
      expect(res.body.detail[0].msg).toContain('exact quarter-hour');
    }
    const past = await schedule({ start_time: '2026-01-01T10:00:00Z' });
    expect(past.status).toBe(422);
    expect(past.body.detail[0].msg).toContain('in the future');
  });

  test('refuses a schedule of the wrong length or with levels out of range', async () => {
    const short = await schedule({ tank: levels(0).slice(1) });
    expect(short.status).toBe(422);
    expect(short.body.detail[0].loc).toEqual(['body', 'tank']);
    const high = await schedule({ house: [9, ...levels(0).slice(1)] });
    expect(high.status).toBe(422);
    expect(high.body.detail[0].loc).toEqual(['body', 'house', 0]);
  });

  test('lets a schedule for later take over only from its own start, leaving the running one until then', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    await schedule({ tank: levels(4), house: levels(8) });
    const running = await forecast({ unit: 'celsius', end_time: '2026-01-02T06:00:00Z' });
    await schedule({ start_time: '2026-01-02T00:00:00Z' });
    const state = (await request(mock.app).get('/__nox/state')).body;
    expect(state.thermal_schedules.map((s: { start: number }) => s.start)).toEqual([
      Date.parse('2026-01-01T10:15:00Z') / 1000,
      Date.parse('2026-01-02T00:00:00Z') / 1000,
    ]);
    const after = await forecast({ unit: 'celsius', end_time: '2026-01-02T06:00:00Z' });
    const midnight = after.findIndex((r) => r.timestamp === '2026-01-02 00:00:00');
    expect(after.slice(0, midnight)).toEqual(running.slice(0, midnight));
    // From midnight the new schedule's zeros let the room cool towards its lower bound.
    expect(after.at(-1).house.Y_avg).toBeLessThan(running.at(-1).house.Y_avg);
  });

  test('a newer schedule ends an older one for good, even when the newer one ends first', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    await schedule({ start_time: '2026-01-01T12:00:00Z', tank: levels(4), house: levels(8) });
    await schedule();
    const withNewer = await forecast({
      start_time: '2026-01-02T10:15:00Z',
      end_time: '2026-01-02T12:00:00Z',
    });
    const fresh = await createTestMock();
    const again = await linkUser(fresh.app, 'u1', 'alice');
    fresh.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    await postData(fresh.app, SCHEDULE, {
      device_id: again.device_ids[0],
      tank: levels(0),
      house: levels(0),
    });
    const alone = await getData(fresh.app, FORECAST, {
      device_id: again.device_ids[0] ?? '',
      start_time: '2026-01-02T10:15:00Z',
      end_time: '2026-01-02T12:00:00Z',
    });
    expect(withNewer).toEqual(alone.body.data.forecasts);
  });

  test('keeps past forecasts as they were when a later schedule arrives', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    await schedule({ tank: levels(4), house: levels(8) });
    mock.time.advance(6 * 3600);
    const window = { start_time: '2026-01-01T10:00:00Z', end_time: '2026-01-01T16:00:00Z' };
    const before = await forecast(window);
    await schedule({ start_time: '2026-01-02T06:00:00Z' });
    expect(await forecast(window)).toEqual(before);
  });

  test('forgets schedules that ended more than 8 days ago', async () => {
    await schedule();
    mock.time.advance(9 * 86_400);
    await schedule();
    // The first ended on 2 January 00:15, less than 8 days ago: still kept.
    expect((await request(mock.app).get('/__nox/state')).body.thermal_schedules).toHaveLength(2);
    mock.time.advance(1800);
    await schedule();
    const state = (await request(mock.app).get('/__nox/state')).body;
    expect(state.thermal_schedules.map((s: { received_at: number }) => s.received_at)).toEqual([
      Date.parse('2026-01-10T00:00:00Z') / 1000,
      Date.parse('2026-01-10T00:30:00Z') / 1000,
    ]);
  });

  test('heats tank and house in the forecast while their levels are on, up to the bounds, and draws more power', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    const before = await forecast({ unit: 'celsius' });
    const powerBefore = (await getData(mock.app, DEVICE_FORECAST)).body.data[0].consumption;
    await schedule({ tank: levels(4), house: levels(8) });
    const after = await forecast({ unit: 'celsius' });
    expect(after[0]).toEqual(before[0]);
    expect(after[4].tank.Y_avg).toBeGreaterThan(before[4].tank.Y_avg);
    expect(after[4].house.Y_avg).toBeGreaterThan(before[4].house.Y_avg);
    expect(after[2].tank.Y_avg).toBeGreaterThan(after[1].tank.Y_avg);
    for (const row of after) expect(row.tank.Y_avg).toBeLessThanOrEqual(row.tank.upperbound_Z);
    expect(after.at(-1).tank.Y_avg).toBe(55);
    expect((await getData(mock.app, DEVICE_FORECAST)).body.data[0].consumption).toBeGreaterThan(
      powerBefore * 2,
    );
  });

  test('lets the room cool to its lower bound, where the failsafe holds it, when a winter schedule switches heating off', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    await schedule();
    const rooms = (await forecast({ unit: 'celsius' })).map((r) => r.house.Y_avg);
    expect(rooms[8]).toBeLessThan(rooms[1]);
    expect(Math.min(...rooms)).toBe(19.5);
  });

  test('cools the room with negative house levels, and offers no cooling once the room mode is heating', async () => {
    mock.time.advance(secondsUntil('2026-01-01T10:07:00Z'));
    await schedule();
    const idle = (await forecast({ unit: 'celsius' }))[4].house.Y_avg;
    await schedule({ house: levels(-8) });
    const cooled = (await forecast())[4].house;
    expect((await forecast({ unit: 'celsius' }))[4].house.Y_avg).toBeLessThan(idle);
    expect(cooled.Q_cooling[7]).toBeGreaterThan(cooled.Q_cooling[0]);
    const patch = await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .send({ user_id: pump.nox_user_id, room: { temperature_control_mode: 'heating' } });
    expect(patch.status).toBe(204);
    const heatingOnly = (await forecast())[4].house;
    expect(heatingOnly.Q_cooling).toEqual(Array(8).fill(0));
    expect(heatingOnly.P_cooling).toEqual(Array(8).fill(0));
    expect(heatingOnly.Q_heating[7]).toBeGreaterThan(0);
  });

  test('answers 404 for a device of another supplier, and leaves that supplier without a schedule', async () => {
    const otherKey = await createSupplier(mock.app);
    const theirs = await linkUser(mock.app, 'u9', 'zoe', {}, otherKey);
    const res = await schedule({ device_id: theirs.device_ids[0] });
    expect(res.status).toBe(404);
    expectInSpec(res, 'POST', SCHEDULE);
    expect((await request(mock.app).get('/__nox/state')).body.thermal_schedules).toEqual([]);
  });
});
