import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { createTestMock, DEMO_KEY, linkUser } from '../../../test/test-support/test-mock.ts';

let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});
const api = (method: 'get' | 'delete' | 'patch' | 'post', path: string) =>
  request(mock.app)[method](path).set('x-api-key', DEMO_KEY);

describe('DELETE /v1/users/{user_id} (modelled)', () => {
  test("removes the user's devices, settings and mapping from every read", async () => {
    const gone = await linkUser(mock.app, 'leaving', 'alice+devices2');
    const stays = await linkUser(mock.app, 'staying', 'bob');
    await api('patch', '/v1/devices/settings').send({
      user_id: gone.nox_user_id,
      room: { preferred_temperature: 19 },
    });
    const res = await api('delete', `/v1/users/${gone.nox_user_id}`);
    expect(res.status).toBe(204);
    const devices = (await api('get', '/v1/devices')).body.data.map(
      (d: { device_id: string }) => d.device_id,
    );
    expect(devices).toEqual(stays.device_ids);
    expect((await api('get', '/v1/devices/settings').query({ user_id: gone.nox_user_id })).body.data).toEqual(
      [],
    );
    const state = (await request(mock.app).get('/__nox/state')).body;
    expect(state.nox_users.map((u: { id: string }) => u.id)).toEqual([stays.nox_user_id]);
    expect(state.settings).toEqual([]);
    const patched = await api('patch', '/v1/devices/settings').send({
      user_id: gone.nox_user_id,
      room: { preferred_temperature: 20 },
    });
    expect(patched.status).toBe(404);
  });

  test('removes the user from the PV list, the manufacturer list, the forecasts and the schedules', async () => {
    const gone = await linkUser(mock.app, 'leaving', 'alice+devices2');
    const goneId = gone.nox_user_id ?? '';
    const goneSolar = await linkUser(mock.app, 'leaving', 'alice', { asset_type: 'pv', brand: 'sma' });
    const stays = await linkUser(mock.app, 'staying', 'bob');
    const staysSolar = await linkUser(mock.app, 'staying', 'bob', { asset_type: 'pv', brand: 'sma' });
    expect(goneSolar.nox_user_id).toBe(goneId);
    const levels = Array<number>(96).fill(1);
    for (const device_id of [...gone.device_ids, ...stays.device_ids]) {
      const res = await api('post', '/v1/device/thermal-control/schedule').send({
        device_id,
        tank: levels,
        house: levels,
      });
      expect(res.status).toBe(200);
    }
    const window = { start_time: '2026-01-01T10:00:00Z', end_time: '2026-01-01T11:00:00Z' };
    for (const device_id of [...goneSolar.device_ids, ...staysSolar.device_ids]) {
      expect((await api('post', '/v1/devices/pv/schedule').send({ device_id, ...window })).status).toBe(200);
    }
    const houseOf = async (id: string) =>
      (await api('get', '/v1/house/consumption/forecast').query({ house_id: id })).body.data;
    const staysHouse = await houseOf(stays.nox_user_id ?? '');
    const staysPump = (
      await api('get', '/v1/device/consumption/forecast/15min').query({ device_id: stays.device_ids[0] })
    ).body.data[0];

    expect((await api('delete', `/v1/users/${goneId}`)).status).toBe(204);

    const ids = (rows: { device_id: string }[]) => rows.map((d) => d.device_id);
    expect(ids((await api('get', '/v1/devices/pv')).body.data)).toEqual(staysSolar.device_ids);
    const maker = await request(mock.app).get('/v1/manufacturer/devices').set('x-api-key', 'mfr_api_key_123');
    expect(ids(maker.body.data)).toEqual(stays.device_ids);
    expect((await api('get', '/v1/house/consumption/forecast')).body.data).toEqual(staysHouse);
    const goneHouse = await api('get', '/v1/house/consumption/forecast').query({ house_id: goneId });
    expect(goneHouse.status).toBe(404);
    const fifteen = await api('get', '/v1/device/consumption/forecast/15min').query({ aggregated: true });
    expect(fifteen.body.data).toEqual([
      { forecast_time: staysPump.forecast_time, consumption: staysPump.consumption },
    ]);
    expect(ids((await api('get', '/v1/device/consumption/forecast/15min')).body.data)).toEqual(
      stays.device_ids,
    );

    const state = (await request(mock.app).get('/__nox/state')).body;
    expect(ids(state.thermal_schedules)).toEqual(stays.device_ids);
    expect(ids(state.pv_schedules)).toEqual(staysSolar.device_ids);
    const mentions = JSON.stringify(state);
    for (const id of [goneId, ...gone.device_ids, ...goneSolar.device_ids])
      expect(mentions).not.toContain(id);
    const sessions = state.link_sessions.filter(
      (s: { supplier_user_id: string }) => s.supplier_user_id === 'leaving',
    );
    expect(sessions).toHaveLength(2);
    for (const session of sessions)
      expect(session).toMatchObject({ status: 'connected', nox_user_id: null, device_ids: [] });
  });

  test('a relink after deletion makes a new NOX user', async () => {
    const first = await linkUser(mock.app, 'user_123', 'alice');
    await api('delete', `/v1/users/${first.nox_user_id}`);
    const again = await linkUser(mock.app, 'user_123', 'alice');
    expect(again.outcome).toBe('connected');
    expect(again.nox_user_id).not.toBe(first.nox_user_id);
  });

  test("answers 404 {detail} for a user that is not the caller's", async () => {
    const res = await api('delete', '/v1/users/550e8400-e29b-41d4-a716-446655440000');
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain('550e8400-e29b-41d4-a716-446655440000');
  });
});
