import { createApp } from '../../mock-nox/app.ts';
import { startServer } from '../../mock-nox/server.ts';
import { openStore } from '../../mock-nox/store/open-store.ts';

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
