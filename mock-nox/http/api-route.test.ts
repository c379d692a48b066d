import request from 'supertest';
import { beforeEach, describe, expect, expectTypeOf, test } from 'vitest';
import type { operations } from '../../openapi/generated/nox-data.ts';
import { createTestMock, createV2Session, DEMO_KEY, linkUser } from '../../test/test-support/test-mock.ts';
import type { ApiCall } from './api-route.ts';

let mock: Awaited<ReturnType<typeof createTestMock>>;
let commits: number;
let failCommit: boolean;
beforeEach(async () => {
  mock = await createTestMock();
  const commit = mock.store.commit;
  // The handlers reach the store through the app's context, which holds this very object.
  mock.store.commit = () => {
    commits++;
    return failCommit ? Promise.reject(new Error('the disk is full')) : commit();
  };
  failCommit = false;
});

/** Counts the commits made while one request is answered. */
async function commitsOf<T>(send: () => PromiseLike<T>): Promise<{ res: T; commits: number }> {
  commits = 0;
  const res = await send();
  return { res, commits };
}

const schedule = (body: object, key: string | null = DEMO_KEY) => {
  const req = request(mock.app).post('/v1/device/thermal-control/schedule');
  return (key === null ? req : req.set('x-api-key', key)).send(body);
};
const levels = Array<number>(96).fill(1);

describe('apiRoute', () => {
  test('commits once for a request that changes something, before it answers', async () => {
    const { res, commits } = await commitsOf(() => createV2Session(mock.app));
    expect(res.status).toBe(201);
    expect(commits).toBe(1);
    expect(mock.store.data.link_sessions.map((s) => s.token)).toContain(res.body.link_token);
  });

  test('does not commit for a read', async () => {
    await linkUser(mock.app, 'reader', 'alice');
    const { res, commits } = await commitsOf(() =>
      request(mock.app).get('/v1/devices').set('x-api-key', DEMO_KEY),
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(commits).toBe(0);
  });

  test('checks the key before the body, and the body before the handler runs: neither commits', async () => {
    const before = mock.store.revision;
    const bad = { device_id: 42, tank: levels, house: levels };
    const noKey = await commitsOf(() => schedule(bad, null));
    expect(noKey.res.status).toBe(401);
    expect(noKey.res.body.detail).toMatch(/api key/i);
    const badBody = await commitsOf(() => schedule(bad));
    expect(badBody.res.status).toBe(422);
    expect(badBody.res.body.detail[0]).toMatchObject({ loc: ['body', 'device_id'] });
    expect([noKey.commits, badBody.commits]).toEqual([0, 0]);
    // The handler would have looked the device up (and stored a schedule): the store was not touched.
    expect(mock.store.revision).toBe(before);
  });

  test('a refusal from the handler that changed nothing does not commit', async () => {
    const { res, commits } = await commitsOf(() =>
      schedule({ device_id: 'no-such-pump', tank: levels, house: levels }),
    );
    expect(res.status).toBe(404);
    expect(commits).toBe(0);
  });

  test('hands the handler the validated body: the schedule it stores is the one sent', async () => {
    const linked = await linkUser(mock.app, 'scheduler', 'alice');
    const device_id = linked.device_ids[0] as string;
    const { res, commits } = await commitsOf(() => schedule({ device_id, tank: levels, house: levels }));
    expect(res.status).toBe(200);
    expect(commits).toBe(1);
    expect(mock.store.data.thermal_schedules.at(-1)).toMatchObject({
      device_id,
      tank: levels,
      house: levels,
    });
  });

  test('a change whose commit fails is not answered as a success', async () => {
    failCommit = true;
    const { res, commits } = await commitsOf(() => createV2Session(mock.app));
    expect(commits).toBe(1);
    expect(res.status).toBe(500);
    expect(res.body.link_token).toBeUndefined();
  });

  test('types the body, the query and the params from the generated operations', () => {
    type Patch = ApiCall<operations['patchDevicesSettings']>;
    expectTypeOf<Patch['body']['user_id']>().toEqualTypeOf<string>();
    type Devices = ApiCall<operations['getDevices']>;
    expectTypeOf<Devices['query']['limit']>().toEqualTypeOf<number | undefined>();
    type Delete = ApiCall<operations['deleteUser']>;
    expectTypeOf<Parameters<Delete['param']>[0]>().toEqualTypeOf<'user_id'>();
  });
});
