import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppDeps, createApp } from './app.ts';
import { applyServerTimeouts, createGracefulClose } from './http/graceful-close.ts';

export interface RunningServer {
  /** The origin the server listens on, e.g. http://127.0.0.1:4400. */
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish and answer (cut after `deadlineMs`), then resolves. */
  close(deadlineMs?: number): Promise<void>;
  /** Cuts every connection at once. */
  closeNow(): void;
}

/** Starts the mock on host:port (port 0 picks a free one) and resolves once it listens. */
export async function startServer(deps: AppDeps, host = '127.0.0.1', port = 4400): Promise<RunningServer> {
  const app = createApp(deps);
  const server = createServer(app).listen(port, host);
  applyServerTimeouts(server);
  const graceful = createGracefulClose(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const actualPort = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
    port: actualPort,
    close: (deadlineMs) => graceful.close(deadlineMs),
    closeNow: () => graceful.closeNow(),
  };
}
