import type { AddressInfo } from 'node:net';
import { type AppDeps, createApp } from './app.ts';

export interface RunningServer {
  /** The origin the server listens on, e.g. http://127.0.0.1:4400. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the mock on host:port (port 0 picks a free one) and resolves once it listens. */
export async function startServer(deps: AppDeps, host = '127.0.0.1', port = 4400): Promise<RunningServer> {
  const app = createApp(deps);
  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const actualPort = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
