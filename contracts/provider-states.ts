/**
 * The provider states of the pacts: sentences with {params}, the same strings in the pact and in the
 * state handlers of `nox-testkit verify`. Each handler returns the values the pact injects with
 * fromProviderState (`${api_key}`, `${nox_user_id}`, `${device_id}`).
 */
export const providerStates = {
  supplier: 'a supplier {supplier} with an API key',
  linkedUser: 'a customer of the supplier has linked {count} {asset_type} devices',
} as const;

export type StateName = (typeof providerStates)[keyof typeof providerStates];

export interface ProviderState {
  name: StateName;
  params: Record<string, string | number>;
}
