import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../../openapi/validator/openapi-validator.ts';
import { createTestMock, DEMO_KEY, linkUser } from '../../../test/test-support/test-mock.ts';

const MAKER_KEY = 'mfr_api_key_123';
const data = loadOpenApi('nox-data');
let mock: Awaited<ReturnType<typeof createTestMock>>;
let user: Awaited<ReturnType<typeof linkUser>>;
beforeEach(async () => {
  mock = await createTestMock();
  user = await linkUser(mock.app, 'user_123', 'alice');
});

/** What each party reads back: the supplier's settings GET, the manufacturer's devices GET, the control state. */
async function readBack() {
  const supplier = await request(mock.app).get('/v1/devices/settings').set('x-api-key', DEMO_KEY);
  expect(data.validateResponse('GET', '/v1/devices/settings', 200, supplier.body)).toEqual([]);
  const maker = await request(mock.app).get('/v1/manufacturer/devices').set('x-api-key', MAKER_KEY);
  expect(data.validateResponse('GET', '/v1/manufacturer/devices', 200, maker.body)).toEqual([]);
  const state = await request(mock.app).get('/__nox/state');
  const [s] = supplier.body.data;
  const [m] = maker.body.data;
  const [inForce] = state.body.settings_in_force;
  return { supplier: s, maker: m, state: inForce };
}

const writers = {
  supplier: (dhw: number) =>
    request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .send({ user_id: user.nox_user_id, dhw: { temperature_upper_bound: dhw } }),
  manufacturer: (dhw: number) =>
    request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', MAKER_KEY)
      .send({ user_id: user.nox_user_id, dhw: { temperature_upper_bound: dhw } }),
  'deprecated thermal POST': (dhw: number) =>
    request(mock.app)
      .post('/v1/device/thermal-control/settings')
      .set('x-api-key', DEMO_KEY)
      .send({ user_id: user.nox_user_id, dhw: { temperature_upper_bound: dhw } }),
  'user on the web app': (dhw: number) =>
    request(mock.app)
      .patch(`/__nox/users/${user.nox_user_id}/settings`)
      .send({ dhw: { temperature_upper_bound: dhw } }),
};

describe('one settings record shared by every party', () => {
  test.each(Object.entries(writers).map(([name, write], i) => [name, write, 56 + i] as const))(
    "the %s's change is what every party reads at once",
    async (_name, write, dhw) => {
      expect((await write(dhw)).status).toBeLessThan(300);
      const seen = await readBack();
      expect(seen.supplier.dhw.temperature_upper_bound).toBe(dhw);
      expect(seen.maker.dhw.temperature_upper_bound).toBe(dhw);
      expect(seen.state.dhw.temperature_upper_bound).toBe(dhw);
    },
  );

  test('each writer builds on the others: flex_trading by one, an optimisation by the next, a bound by the user', async () => {
    await request(mock.app)
      .post('/v1/device/thermal-control/settings')
      .set('x-api-key', DEMO_KEY)
      .send({
        user_id: user.nox_user_id,
        device_id: user.device_ids[0],
        steering_enabled: { heat_pump: true },
      });
    expect((await readBack()).maker.optimization_settings).toEqual({
      pv_self_consumption: false,
      dynamic_tariff: false,
      flex_trading: true,
    });
    await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', MAKER_KEY)
      .send({
        user_id: user.nox_user_id,
        device_id: user.device_ids[0],
        optimization_settings: { dynamic_tariff: true },
      });
    await request(mock.app)
      .patch(`/__nox/users/${user.nox_user_id}/settings`)
      .send({ device_id: user.device_ids[0], room: { preferred_temperature: 20 } });
    const seen = await readBack();
    expect(seen.supplier.optimization_settings).toEqual({
      pv_self_consumption: false,
      dynamic_tariff: true,
      flex_trading: false,
    });
    expect(seen.supplier.room.preferred_temperature).toBe(20);
    expect(seen.state.optimization_settings).toEqual(seen.supplier.optimization_settings);
  });

  test('the same rules hold for the user: DHW lower above upper is refused and nothing changes', async () => {
    const res = await request(mock.app)
      .patch(`/__nox/users/${user.nox_user_id}/settings`)
      .send({ dhw: { temperature_lower_bound: 60, temperature_upper_bound: 50 } });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('must not be above');
    expect((await readBack()).supplier.dhw).toEqual({
      temperature_lower_bound: 45,
      temperature_upper_bound: 55,
    });
  });
});
