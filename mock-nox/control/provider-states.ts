import type { components } from '../../openapi/generated/nox-control.ts';
import { createLinkSession } from '../domain/link/link-sessions.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { createOrganisation } from '../domain/organisations.ts';
import { errors } from '../errors/error-templates.ts';
import type { Organisation } from '../store/schema.ts';
import { LOOPBACK_ORIGINS } from '../store/seed.ts';
import { completeWithoutBrowser } from './complete-link-session.ts';
import { type SupplierAuthSessionStatus, startSupplierAuth } from './supplier-auth-state.ts';

type StateValues = components['schemas']['ProviderStateValues'];
type Params = Record<string, unknown>;

/**
 * The provider states of the pacts nox-testkit writes: sentences with {params}, the same strings in the
 * pact (contracts/) and here, where the mock sets them up for any Pact verifier.
 */
export const providerStates = {
  supplier: 'a supplier {supplier} with an API key',
  linkedUser: 'a customer of the supplier has linked {count} {asset_type} devices',
  supplierAuth: "a user chose the supplier on NOX's web app and its supplier-auth session is {session}",
  settingsChange: "the customer changes {event_type} from {previous_value} to {value} on NOX's web app",
} as const;

/**
 * Sets up provider states on one mock. The second state builds on the supplier the first set up last:
 * Pact's state-change protocol sends a state's params only, never what an earlier state answered.
 */
export function createProviderStates(ctx: MockContext) {
  let supplierId: string | undefined;
  // Looked up again each time: a reset since the supplier state may have removed it.
  const lastSupplier = (state: string) => {
    const supplier = supplierId === undefined ? undefined : ctx.store.find.organisation(supplierId);
    if (!supplier) throw errors.providerStateNeedsSupplier(state, providerStates.supplier);
    return supplier;
  };
  const setups: Record<string, (params: Params) => StateValues> = {
    [providerStates.supplier]: (params) => {
      const redirect = typeof params.redirect_url === 'string' ? [params.redirect_url] : [];
      const supplier = createOrganisation(ctx, {
        kind: 'supplier',
        name: String(params.supplier ?? 'Supplier'),
        // Any loopback port: a consumer's recorded redirect_url is accepted wherever it ran.
        redirect_urls: [...LOOPBACK_ORIGINS, ...redirect],
      });
      supplierId = supplier.id;
      return { api_key: supplier.api_key };
    },
    [providerStates.linkedUser]: (params) => {
      const supplier = lastSupplier(providerStates.linkedUser);
      const linked = linkCustomer(
        ctx,
        supplier,
        Number(params.count ?? 1),
        String(params.asset_type ?? 'hp'),
      );
      return { api_key: supplier.api_key, ...linked };
    },
    [providerStates.supplierAuth]: (params) => {
      const supplier = lastSupplier(providerStates.supplierAuth);
      const session = String(params.session ?? 'pending') as SupplierAuthSessionStatus;
      return { api_key: supplier.api_key, state: startSupplierAuth(ctx, supplier, session) };
    },
    // The change is made by the message producer (POST /__nox/pact-messages), which Pact asks for the
    // message with the states: made here too, it would queue a second event nobody asked for.
    [providerStates.settingsChange]: () => ({ api_key: lastSupplier(providerStates.settingsChange).api_key }),
  };
  return {
    /** Sets up (or, a no-op since every setup makes new data, tears down) a state; answers its values. */
    change(state: string, params: Params = {}, action: 'setup' | 'teardown' = 'setup'): StateValues {
      const setup = setups[state];
      if (!setup) throw errors.providerStateUnknown(state, Object.values(providerStates));
      return action === 'teardown' ? {} : setup(params);
    },
    /** The supplier the supplier state set up last. */
    supplier: () => lastSupplier(providerStates.supplier),
  };
}

/**
 * A customer of the supplier linked through NOX as a user would, with `count` devices of the asset type.
 * NOX links no account without devices, so a customer with none (`count` 0, a recorded empty list) is
 * linked with one device of the other asset type: a customer who has none of this one.
 */
function linkCustomer(ctx: MockContext, supplier: Organisation, count: number, listed: string) {
  const assetType = count > 0 ? listed : listed === 'pv' ? 'hp' : 'pv';
  const session = createLinkSession(ctx, supplier, {
    api_version: 'v2',
    supplier_user_id: `pact-customer-${ctx.ids.linkToken().slice(0, 12)}`,
    redirect_url: 'http://127.0.0.1/callback',
    language: 'en',
    asset_type: assetType === 'pv' ? 'pv' : 'hp',
    asset_type_defaulted: false,
    brand: null,
  });
  const tags = count > 1 ? `+devices${Math.min(count, 10)}` : '';
  const result = completeWithoutBrowser(ctx, session, {
    brand: session.asset_type === 'pv' ? 'sma' : 'daikin',
    username: `pact-${session.token.slice(0, 8)}${tags}`,
  });
  if (result.error) throw errors.providerStateLinkFailed(providerStates.linkedUser, result.error);
  return { nox_user_id: session.nox_user_id ?? '', device_id: session.device_ids[0] ?? '' };
}
