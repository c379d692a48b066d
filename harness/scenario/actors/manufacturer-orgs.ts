import type { Organisation } from '../../../openapi/wire-types.ts';
import type { MockClient } from '../../runner/mock-client.ts';

/** The run's manufacturer of a brand: one organisation per brand, created on first use and kept for the run. */
export type ManufacturerOrgs = (brand: string) => Promise<Organisation>;

/**
 * Manufacturers with keys of their own, so their calls stay out of the supplier's journal, and the
 * manufacturer app's callback as their only allowed redirect URL.
 */
export function createManufacturerOrgs(mock: MockClient, redirectUrl: string): ManufacturerOrgs {
  const byBrand = new Map<string, Promise<Organisation>>();
  return (brand) => {
    let org = byBrand.get(brand);
    if (!org) {
      org = mock.createOrganisation({
        kind: 'manufacturer',
        name: `${brand} (nox-testkit)`,
        brands: [brand],
        redirect_urls: [redirectUrl],
      });
      // A failed creation is not kept: the next scenario tries again and reports its own error.
      org.catch(() => byBrand.delete(brand));
      byBrand.set(brand, org);
    }
    return org;
  };
}
