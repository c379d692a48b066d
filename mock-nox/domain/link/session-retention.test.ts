import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createTestMock, createV2Session } from '../../../test/test-support/test-mock.ts';

const complete = (app: Awaited<ReturnType<typeof createTestMock>>['app'], token: string) =>
  request(app).post(`/__nox/link-sessions/${token}/complete`).send({ brand: 'daikin', username: 'alice' });

describe('link session expiry and retention', () => {
  test('a session expired by advancing the clock stays expired when the clock is set back', async () => {
    const { app } = await createTestMock();
    const created = (await createV2Session(app)).body;
    const before = (await request(app).get('/__nox/clock')).body.now;
    await request(app).post('/__nox/clock/advance').send({ seconds: 601 });
    await request(app).post('/__nox/clock/set').send({ now: before });
    const res = await complete(app, created.link_token);
    expect(res.body.outcome).toBe('failed');
    expect(res.body.error).toBe('session_expired');
  });

  test('sessions that ended more than a day of virtual time ago are pruned, recent ones kept', async () => {
    const { app } = await createTestMock();
    const old = (await createV2Session(app, { user_id: 'old' })).body;
    await complete(app, old.link_token);
    await request(app)
      .post('/__nox/clock/advance')
      .send({ seconds: 24 * 3600 - 700 });
    const recent = (await createV2Session(app, { user_id: 'recent' })).body;
    const tokens = async () =>
      (await request(app).get('/__nox/state')).body.link_sessions.map((s: { token: string }) => s.token);
    expect(await tokens()).toEqual([old.link_token, recent.link_token]);
    await request(app).post('/__nox/clock/advance').send({ seconds: 2000 });
    const next = (await createV2Session(app, { user_id: 'next' })).body;
    expect(await tokens()).toEqual([recent.link_token, next.link_token]);
  });

  test('the retention is configurable', async () => {
    const { createApp } = await import('../../app.ts');
    const { openStore } = await import('../../store/open-store.ts');
    const app = createApp({ store: await openStore({ inMemory: true }), sessionRetentionSeconds: 60 });
    await createV2Session(app, { user_id: 'a' });
    await request(app).post('/__nox/clock/advance').send({ seconds: 661 });
    await createV2Session(app, { user_id: 'b' });
    const sessions = (await request(app).get('/__nox/state')).body.link_sessions;
    expect(sessions.map((s: { supplier_user_id: string }) => s.supplier_user_id)).toEqual(['b']);
  });
});
