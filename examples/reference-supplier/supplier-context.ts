import type { Request } from 'express';
import type { CustomerSessions } from './customer-session.ts';
import type { NoxClient } from './nox-client.ts';
import type { SupplierConfig } from './supplier-config.ts';
import type { SupplierFlaw } from './supplier-flaws.ts';
import type { SupplierStore } from './supplier-store.ts';

/** What every route gets: the config, the state, the NOX client and the customer sessions. */
export interface SupplierContext {
  config: SupplierConfig;
  store: SupplierStore;
  nox: NoxClient;
  sessions: CustomerSessions;
  /** The origin NOX sends the browser back to (PUBLIC_URL, else the bound address, else the request's). */
  publicUrl(req: Request): string;
  /** Now, in unix seconds (injected: tests pin it to the mock's clock). */
  nowSeconds(): number;
  /** Whether the deliberate bug is switched on (SUPPLIER_FLAW). */
  hasFlaw(flaw: SupplierFlaw): boolean;
}
