import type { MockClient } from '../../runner/mock-client.ts';

/**
 * A manufacturer, as its app talks to NOX's data API with its own key. Today it only changes a customer's
 * settings; the second flow (manufacturer's app → supplier selector → supplier OAuth) adds its steps here.
 */
export interface ManufacturerActor {
  /** Changes the settings of a NOX user's devices through PATCH /v1/devices/settings, as `brand`'s maker. */
  changesSettings(noxUserId: string, brand: string, change: Record<string, unknown>): Promise<void>;
}

export function createManufacturerActor(mock: MockClient): ManufacturerActor {
  return {
    async changesSettings(noxUserId, brand, change) {
      // An organisation of its own, so the manufacturer's calls stay out of the supplier's journal.
      const maker = await mock.createOrganisation({
        kind: 'manufacturer',
        name: `${brand} (nox-testkit)`,
        brands: [brand],
      });
      const res = await fetch(new URL('/v1/devices/settings', mock.baseUrl), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-api-key': maker.api_key },
        body: JSON.stringify({ user_id: noxUserId, ...change }),
      });
      if (res.status !== 204)
        throw new Error(
          `the manufacturer's PATCH /v1/devices/settings answered ${res.status}: ${await res.text()}`,
        );
    },
  };
}
