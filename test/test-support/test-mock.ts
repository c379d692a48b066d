import request from 'supertest';
import { createApp, openStore, startServer } from '../../mock-nox/index.ts';

/** A clock the test moves by hand; starts at 2026-01-01T00:00:00Z. */
export function createFakeTime(startMs = Date.UTC(2026, 0, 1)) {
  let nowMs = startMs;
  return {
    nowMs: () => nowMs,
    advance(seconds: number) {
      nowMs += seconds * 1000;
    },
  };
}

/** An in-process mock on an in-memory store with a fake clock, for supertest. */
export async function createTestMock(options: { publicUrl?: string } = {}) {
  const store = await openStore({ inMemory: true });
  const time = createFakeTime();
  const app = createApp({ store, time, publicUrl: options.publicUrl });
  return { app, store, time };
}

/** A listening mock on a free port (for browser tests and anything that needs real HTTP). */
export async function startTestServer() {
  const store = await openStore({ inMemory: true });
  const time = createFakeTime();
  const server = await startServer({ store, time }, '127.0.0.1', 0);
  return { ...server, store, time };
}

export const DEMO_KEY = 'api_key_123';
export const CALLBACK = 'https://your-app.com/callback';

type App = Awaited<ReturnType<typeof createTestMock>>['app'];

/** POST /v2/supplier/link-sessions as the demo supplier (or with `key`), returning the supertest response. */
export function createV2Session(app: App, body: Record<string, unknown> = {}, key = DEMO_KEY) {
  return request(app)
    .post('/v2/supplier/link-sessions')
    .set('x-api-key', key)
    .send({ user_id: 'user_123', redirect_url: CALLBACK, asset_type: 'hp', ...body });
}

/** Creates a v2 session and completes it through the control API; returns the completion body. */
export async function linkUser(
  app: App,
  user: string,
  username: string,
  extra: Record<string, unknown> = {},
  key = DEMO_KEY,
) {
  const created = await createV2Session(app, { user_id: user, ...extra }, key);
  const brand = extra.brand ? undefined : 'daikin';
  const done = await request(app)
    .post(`/__nox/link-sessions/${created.body.link_token}/complete`)
    .send({ brand, username });
  return done.body as {
    redirect_url: string | null;
    outcome: string;
    error: string | null;
    nox_user_id: string | null;
    device_ids: string[];
  };
}
