// Starts the reference supplier from its environment: node --import tsx examples/reference-supplier/main.ts

import { startSupplierServer } from './start-supplier-server.ts';
import { readSupplierConfig, SupplierConfigError } from './supplier-config.ts';
import { supplierFlaws } from './supplier-flaws.ts';

async function main(): Promise<void> {
  const config = readSupplierConfig(process.env);
  const server = await startSupplierServer(config);
  if (config.flaw)
    console.error(`reference supplier: SUPPLIER_FLAW=${config.flaw} is on: it ${supplierFlaws[config.flaw]}`);
  console.log(`reference supplier listening on ${server.url}`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function describeStartError(error: unknown): string {
  if (error instanceof SupplierConfigError) return error.message;
  const { code, port, address } = error as { code?: string; port?: number; address?: string };
  if (code === 'EADDRINUSE')
    return `port ${port} on ${address} is in use: set PORT to a free port (0 picks one).`;
  return String((error as Error)?.stack ?? error);
}

main().catch((error: unknown) => {
  console.error(`reference supplier: ${describeStartError(error)}`);
  process.exit(1);
});
