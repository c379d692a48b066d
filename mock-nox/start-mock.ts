import { type ControlClient, createControlClient } from '../openapi/control-client.ts';
import type { AppDeps } from './app.ts';
import { startServer } from './server.ts';
import { openStore } from './store/open-store.ts';

/** Where and how `startMock` runs the mock; everything has a default. */
export interface StartMockOptions {
  /** The port to listen on; default 0, a free one (read it from `url`). */
  port?: number;
  /** The interface to listen on; default 127.0.0.1. The control API answers loopback clients only, unless `adminToken`. */
  host?: string;
  /** A lowdb JSON database file (created on first write, locked against a second process); default in memory. */
  db?: string;
  /** The origin put into link_url and page links; by default the origin each client called. */
  publicUrl?: string;
  /** Lets non-loopback clients use the control API with `Authorization: Bearer <token>`; `control` sends it. */
  adminToken?: string;
  /** Webhook sending; `{ autoDeliver: false }` sends only when you call `control.deliverDueWebhooks()`. */
  webhooks?: AppDeps['webhooks'];
}

/** A mock NOX platform running in this process. */
export interface StartedMock {
  /** Its origin, e.g. http://127.0.0.1:40123: NOX's auth API, data API, pages and control API all live here. */
  url: string;
  /** The control API's typed client (organisations, clock, policies, faults, headless links, journal, state). */
  control: ControlClient;
  /** Answers the requests in flight, writes the last changes, releases the database; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the mock NOX platform for a test suite (vitest, jest): `const { url, control, stop } = await startMock()`. */
export async function startMock(options: StartMockOptions = {}): Promise<StartedMock> {
  const { host = '127.0.0.1', port = 0 } = options;
  const store = await openStore(options.db === undefined ? { inMemory: true } : { file: options.db });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    const { publicUrl, adminToken, webhooks } = options;
    server = await startServer({ store, publicUrl, adminToken, webhooks }, host, port);
  } catch (error) {
    await store.close();
    throw new Error(`startMock could not listen on ${host}:${port}: ${(error as Error).message}`);
  }
  let stopped: Promise<void> | undefined;
  const stop = async () => {
    await server.close();
    await store.close();
  };
  return {
    url: server.url,
    control: createControlClient(server.url, { adminToken: options.adminToken }),
    stop: () => {
      stopped ??= stop();
      return stopped;
    },
  };
}
