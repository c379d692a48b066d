import type { ControlClient as MockClient } from '../openapi/control-client.ts';
import { providerStates } from './provider-states.ts';

/**
 * Any port on loopback: a bare loopback origin allows every path on it (see redirect_urls in
 * openapi/nox-control.yaml), so a consumer's recorded redirect_url is accepted wherever it ran.
 */
const LOOPBACK_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

type StateValues = Record<string, string>;
const params = (p: unknown) => (p ?? {}) as Record<string, string | number | undefined>;

/**
 * The provider states, set up through the mock's control API: each interaction gets a fresh supplier
 * (so its key is injected as `${api_key}`), and where it reads a customer's data, a freshly linked
 * customer (`${nox_user_id}`, `${device_id}`).
 */
export function createStateHandlers(
  mock: MockClient,
): Record<string, (parameters?: unknown) => Promise<StateValues>> {
  let current: { api_key: string; organisation_id: string } | undefined;
  return {
    [providerStates.supplier]: async (p) => {
      const { supplier = 'Supplier', redirect_url } = params(p);
      const redirects = [...LOOPBACK_ORIGINS, ...(typeof redirect_url === 'string' ? [redirect_url] : [])];
      const org = await mock.createOrganisation({
        kind: 'supplier',
        name: String(supplier),
        redirect_urls: redirects,
      });
      current = { api_key: org.api_key, organisation_id: org.id };
      return { api_key: org.api_key };
    },
    [providerStates.linkedUser]: async (p) => {
      if (!current)
        throw new Error(`"${providerStates.linkedUser}" needs "${providerStates.supplier}" first`);
      const { count = 1, asset_type = 'hp' } = params(p);
      const linked = await linkCustomer(mock, current, Number(count), String(asset_type));
      return { api_key: current.api_key, ...linked };
    },
  };
}

async function linkCustomer(
  mock: MockClient,
  org: { api_key: string; organisation_id: string },
  count: number,
  assetType: string,
) {
  const res = await fetch(new URL('/v2/supplier/link-sessions', mock.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': org.api_key },
    body: JSON.stringify({
      user_id: `pact-customer-${Date.now()}`,
      redirect_url: 'http://127.0.0.1/callback',
      asset_type: assetType,
    }),
  });
  const session = await res.json();
  if (!res.ok)
    throw new Error(`creating a link session for the provider state failed: ${JSON.stringify(session)}`);
  const brand = assetType === 'pv' ? 'sma' : 'daikin';
  const tags = count > 1 ? `+devices${Math.min(count, 10)}` : '';
  await mock.complete(session.link_token, {
    brand,
    username: `pact-${session.link_token.slice(0, 8)}${tags}`,
  });
  const state = await mock.state(org.organisation_id);
  const linked = state.link_sessions.find((s) => s.token === session.link_token);
  return { nox_user_id: linked?.nox_user_id ?? '', device_id: linked?.device_ids[0] ?? '' };
}
