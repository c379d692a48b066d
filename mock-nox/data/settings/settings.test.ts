import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../../openapi/validator/openapi-validator.ts';
import { CALLBACK, createTestMock, DEMO_KEY, linkUser } from '../../../test/test-support/test-mock.ts';

const spec = loadOpenApi('nox-data');
let mock: Awaited<ReturnType<typeof createTestMock>>;
let user: Awaited<ReturnType<typeof linkUser>>;
beforeEach(async () => {
  mock = await createTestMock();
  user = await linkUser(mock.app, 'user_123', 'alice+devices2');
});
const patch = (body: Record<string, unknown>, key = DEMO_KEY) =>
  request(mock.app)
    .patch('/v1/devices/settings')
    .set('x-api-key', key)
    .send({ user_id: user.nox_user_id, ...body });
const settings = async (query: Record<string, unknown> = {}) =>
  (await request(mock.app).get('/v1/devices/settings').set('x-api-key', DEMO_KEY).query(query)).body;
// biome-ignore lint/suspicious/noExplicitAny: rows are read field by field in the assertions
type Row = { device_id: string } & Record<string, any>;
const of = (body: { data: Row[] }, deviceId: string | undefined): Row => {
  const row = body.data.find((s) => s.device_id === deviceId);
  if (!row) throw new Error(`no settings for ${deviceId}`);
  return row;
};
const first = () => user.device_ids[0];
const second = () => user.device_ids[1];

describe('GET /v1/devices/settings', () => {
  test('is described tightly enough by the spec that a missing field is caught', async () => {
    const body = await settings();
    for (const [group, field] of [
      ['room', 'temperature_control_mode'],
      ['dhw', 'temperature_upper_bound'],
      ['optimization_settings', 'flex_trading'],
    ] as const) {
      const broken = structuredClone(body);
      delete broken.data[0][group][field];
      expect(spec.validateResponse('GET', '/v1/devices/settings', 200, broken)).toEqual([
        expect.stringContaining(`data.0.${group}.${field} is required`),
      ]);
    }
  });

  test("gives the DHW bounds upper first, NOX's key order, also after a PATCH that sent lower first", async () => {
    expect(Object.keys(of(await settings(), first()).dhw)).toEqual([
      'temperature_upper_bound',
      'temperature_lower_bound',
    ]);
    await patch({ device_id: first(), dhw: { temperature_lower_bound: 42, temperature_upper_bound: 58 } });
    await patch({ dhw: { temperature_lower_bound: 44, temperature_upper_bound: 57 } });
    const body = await settings();
    for (const id of [first(), second()])
      expect(Object.keys(of(body, id).dhw)).toEqual(['temperature_upper_bound', 'temperature_lower_bound']);
    expect(of(body, first()).dhw).toEqual({ temperature_upper_bound: 58, temperature_lower_bound: 42 });
  });

  test('lists the settings of each heat pump in the documented shape', async () => {
    const body = await settings();
    expect(spec.validateResponse('GET', '/v1/devices/settings', 200, body)).toEqual([]);
    expect(body.data).toHaveLength(2);
    expect(body.data[0]).toEqual({
      device_id: expect.any(String),
      room: {
        temperature_lower_bound: 1.5,
        temperature_upper_bound: 1.5,
        preferred_temperature: 21,
        schedule_enabled: false,
        temperature_control_mode: 'auto',
      },
      dhw: { temperature_lower_bound: 45, temperature_upper_bound: 55 },
      optimization_settings: { pv_self_consumption: false, dynamic_tariff: false, flex_trading: false },
      updated_at: '2026-01-01T00:00:00.000000+00:00',
    });
    expect(body.meta).toEqual({ energy_supplier: 'Acme Energy' });
  });

  test('filters by user_id and device_id', async () => {
    const other = await linkUser(mock.app, 'user_456', 'bob');
    expect(
      (await settings({ user_id: other.nox_user_id })).data.map((s: { device_id: string }) => s.device_id),
    ).toEqual(other.device_ids);
    expect((await settings({ device_id: second() })).data).toHaveLength(1);
  });
});

describe('PATCH /v1/devices/settings', () => {
  test('answers 204 with no body and updates every device of the user at user level', async () => {
    mock.time.advance(3600);
    const res = await patch({ room: { preferred_temperature: 20 }, dhw: { temperature_upper_bound: 60 } });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    for (const s of (await settings()).data) {
      expect(s.room.preferred_temperature).toBe(20);
      expect(s.dhw.temperature_upper_bound).toBe(60);
      expect(s.updated_at).toBe('2026-01-01T01:00:00.000000+00:00');
    }
  });

  test('updates one device at device level, over the user level', async () => {
    await patch({ device_id: first(), room: { temperature_control_mode: 'cooling' } });
    await patch({ room: { temperature_control_mode: 'heating', preferred_temperature: 19 } });
    const body = await settings();
    expect(of(body, first()).room).toMatchObject({
      temperature_control_mode: 'cooling',
      preferred_temperature: 19,
    });
    expect(of(body, second()).room).toMatchObject({
      temperature_control_mode: 'heating',
      preferred_temperature: 19,
    });
  });

  test('enabling flex_trading disables the other optimisations', async () => {
    await patch({ optimization_settings: { pv_self_consumption: true, dynamic_tariff: true } });
    await patch({ optimization_settings: { flex_trading: true } });
    expect(of(await settings(), first()).optimization_settings).toEqual({
      pv_self_consumption: false,
      dynamic_tariff: false,
      flex_trading: true,
    });
  });

  test('enabling another optimisation disables flex_trading and keeps the rest', async () => {
    await patch({ optimization_settings: { flex_trading: true } });
    await patch({ optimization_settings: { dynamic_tariff: true } });
    await patch({ optimization_settings: { pv_self_consumption: true } });
    expect(of(await settings(), first()).optimization_settings).toEqual({
      pv_self_consumption: true,
      dynamic_tariff: true,
      flex_trading: false,
    });
  });

  test('refuses flex_trading together with another optimisation in one request, changing nothing', async () => {
    const res = await patch({ optimization_settings: { flex_trading: true, dynamic_tariff: true } });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].msg).toMatch(/mutually exclusive/);
    expect(of(await settings(), first()).optimization_settings.flex_trading).toBe(false);
  });

  test('accepts a DHW lower bound below 40 °C with a legionella warning header', async () => {
    const res = await patch({ dhw: { temperature_lower_bound: 35 } });
    expect(res.status).toBe(204);
    expect(res.headers['x-nox-testkit-warning']).toBe(
      'dhw.temperature_lower_bound 35 is below 40 degrees C: legionella risk, NOX recommends it only during vacations',
    );
    // Every header is printable ASCII (a raw ° is not safe in HTTP headers).
    for (const [name, value] of Object.entries(res.headers))
      expect(String(value), name).toMatch(/^[\x20-\x7e]*$/);
    expect(
      (await patch({ dhw: { temperature_lower_bound: 45 } })).headers['x-nox-testkit-warning'],
    ).toBeUndefined();
  });

  test('refuses a DHW lower bound above the upper bound', async () => {
    const res = await patch({ dhw: { temperature_lower_bound: 60, temperature_upper_bound: 50 } });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].msg).toContain('must not be above');
  });

  test("merges a user-level change with the user level, not with one device's own settings", async () => {
    const [a, b] = [...user.device_ids].sort();
    await patch({ optimization_settings: { pv_self_consumption: true } });
    await patch({ device_id: a, optimization_settings: { flex_trading: true } });
    expect((await patch({ optimization_settings: { dynamic_tariff: true } })).status).toBe(204);
    const body = await settings();
    expect(of(body, b).optimization_settings).toEqual({
      pv_self_consumption: true,
      dynamic_tariff: true,
      flex_trading: false,
    });
    expect(of(body, a).optimization_settings).toEqual({
      pv_self_consumption: false,
      dynamic_tariff: false,
      flex_trading: true,
    });
  });

  test("accepts a user-level DHW bound that one device's own device-level bounds make irrelevant", async () => {
    const [a, b] = [...user.device_ids].sort();
    await patch({ device_id: a, dhw: { temperature_lower_bound: 50, temperature_upper_bound: 60 } });
    const res = await patch({ dhw: { temperature_upper_bound: 49 } });
    expect(res.status).toBe(204);
    const body = await settings();
    expect(of(body, a).dhw).toEqual({ temperature_lower_bound: 50, temperature_upper_bound: 60 });
    expect(of(body, b).dhw).toEqual({ temperature_lower_bound: 45, temperature_upper_bound: 49 });
  });

  test('refuses a user-level DHW bound that would leave any device with lower above upper, naming it', async () => {
    const [a, b] = [...user.device_ids].sort();
    expect((await patch({ device_id: b, dhw: { temperature_lower_bound: 52 } })).status).toBe(204);
    const res = await patch({ dhw: { temperature_upper_bound: 48 } });
    expect(res.status).toBe(422);
    expect(spec.validateResponse('PATCH', '/v1/devices/settings', 422, res.body)).toEqual([]);
    expect(res.body.detail[0].loc).toEqual(['body', 'dhw']);
    expect(res.body.detail[0].msg).toContain(
      `(52) must not be above dhw.temperature_upper_bound (48) for device ${b}`,
    );
    const body = await settings();
    expect(of(body, b).dhw).toEqual({ temperature_lower_bound: 52, temperature_upper_bound: 55 });
    expect(of(body, a).dhw).toEqual({ temperature_lower_bound: 45, temperature_upper_bound: 55 });
    for (const row of body.data) {
      expect(row.dhw.temperature_lower_bound).toBeLessThanOrEqual(row.dhw.temperature_upper_bound);
    }
  });

  test('refuses a device-level DHW bound below the user-level lower bound in force for that device', async () => {
    await patch({ dhw: { temperature_lower_bound: 50 } });
    const res = await patch({ device_id: first(), dhw: { temperature_upper_bound: 48 } });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].msg).toContain(`for device ${first()}`);
  });

  test('answers a body that is not JSON with a 422 detail list, as FastAPI does', async () => {
    const res = await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .set('content-type', 'application/json')
      .send('{"user_id": "x",');
    expect(res.status).toBe(422);
    expect(spec.validateResponse('PATCH', '/v1/devices/settings', 422, res.body)).toEqual([]);
    expect(res.body.detail).toEqual([
      { loc: ['body'], msg: expect.stringContaining('not valid JSON'), type: 'json_invalid' },
    ]);
  });

  test.each([
    [{ user_id: undefined }, 'user_id is required and must be a string'],
    [
      { room: { temperature_control_mode: 'eco' } },
      'room.temperature_control_mode must be one of: auto, heating, cooling, off',
    ],
    [{ room: { preferred_temperature: 'warm' } }, 'room.preferred_temperature must be a number'],
    [{ dhw: { temperature_upper_bound: 95 } }, 'dhw.temperature_upper_bound must be 80 or less'],
    [{ location: { country: 'nl' } }, 'location.country must be a string matching'],
  ])('answers 422 {detail} with loc and msg for %j', async (body, message) => {
    const res = await patch(body);
    expect(res.status).toBe(422);
    expect(spec.validateResponse('PATCH', '/v1/devices/settings', 422, res.body)).toEqual([]);
    expect(res.body.detail[0].msg).toContain(message);
    expect(res.body.detail[0].loc[0]).toBe('body');
  });

  test("still needs user_id for a device-level change, as NOX's schema does although its prose says device_id is enough", async () => {
    const res = await patch({
      user_id: undefined,
      device_id: user.device_ids[0],
      dhw: { temperature_lower_bound: 42 },
    });
    expect(res.status).toBe(422);
    expect(spec.validateResponse('PATCH', '/v1/devices/settings', 422, res.body)).toEqual([]);
    expect(res.body.detail[0]).toMatchObject({
      loc: ['body', 'user_id'],
      msg: expect.stringContaining('user_id is required and must be a string'),
    });
  });

  test("answers 404 for another supplier's user or a device of another user", async () => {
    const otherOrg = (
      await request(mock.app)
        .post('/__nox/organisations')
        .send({ kind: 'supplier', name: 'Other', redirect_urls: [CALLBACK] })
    ).body;
    const theirs = await linkUser(mock.app, 'x', 'carol', {}, otherOrg.api_key);
    const res = await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .send({ user_id: theirs.nox_user_id });
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain(theirs.nox_user_id);
    const wrongDevice = await patch({ device_id: theirs.device_ids[0] });
    expect(wrongDevice.status).toBe(404);
  });

  test('lets a manufacturer change the settings of its own devices, seen by the supplier', async () => {
    const maker = (
      await request(mock.app)
        .post('/__nox/organisations')
        .send({ kind: 'manufacturer', name: 'Daikin', brands: ['daikin'] })
    ).body;
    expect((await patch({ dhw: { temperature_upper_bound: 58 } }, maker.api_key)).status).toBe(204);
    expect(of(await settings(), first()).dhw.temperature_upper_bound).toBe(58);
    const stranger = (
      await request(mock.app)
        .post('/__nox/organisations')
        .send({ kind: 'manufacturer', name: 'NIBE', brands: ['nibe'] })
    ).body;
    expect((await patch({ dhw: { temperature_upper_bound: 50 } }, stranger.api_key)).status).toBe(404);
  });
});

describe('POST /v1/device/thermal-control/settings (deprecated)', () => {
  test('answers the documented success body and maps steering_enabled.heat_pump onto flex_trading', async () => {
    const res = await request(mock.app)
      .post('/v1/device/thermal-control/settings')
      .set('x-api-key', DEMO_KEY)
      .send({
        user_id: user.nox_user_id,
        device_id: first(),
        steering_enabled: { heat_pump: true },
        location: { country: 'BE', postal_code: '3500' },
      });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'success',
      message: 'Settings updated successfully.',
      meta: { energy_supplier: 'Acme Energy' },
    });
    expect(of(await settings(), first()).optimization_settings.flex_trading).toBe(true);
    expect(of(await settings(), second()).optimization_settings.flex_trading).toBe(false);
  });
});
