import type { Organisation } from '../../store/schema.ts';

/** The `meta` fields naming the tenant: `energy_supplier` for a supplier, `manufacturer` for a manufacturer. */
export function tenantMeta(org: Organisation): { energy_supplier: string } {
  return { energy_supplier: org.name };
}
