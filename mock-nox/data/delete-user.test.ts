import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { createTestMock, DEMO_KEY, linkUser } from '../../test/support/test-mock.ts';

let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});
const api = (method: 'get' | 'delete' | 'patch', path: string) =>
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
