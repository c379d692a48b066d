import type { AddressInfo } from 'node:net';
import { createSupplierApp, type SupplierAppDeps } from './create-supplier-app.ts';
import type { SupplierConfig } from './supplier-config.ts';

export interface RunningSupplier {
  /** The origin it listens on, e.g. http://127.0.0.1:3000. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the app on config.host:config.port (0 = a free port) and resolves once it listens. */
export async function startSupplierServer(
  config: SupplierConfig,
  deps: Omit<SupplierAppDeps, 'boundUrl'> = {},
): Promise<RunningSupplier> {
  let url = '';
  const app = createSupplierApp(config, { ...deps, boundUrl: () => url });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${shownHost(config.host)}:${port}`;
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A browser cannot open 0.0.0.0 or a bare IPv6 address; loopback and brackets it can. */
function shownHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
