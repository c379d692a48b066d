import { providerStates } from '../mock-nox/index.ts';

/**
 * The provider states of the pacts: sentences with {params}, the same strings in the pact and in the mock,
 * which sets them up at POST /__nox/provider-states and answers the values the pact injects with
 * fromProviderState (`${api_key}`, `${nox_user_id}`, `${device_id}`).
 */
export { providerStates };

export type StateName = (typeof providerStates)[keyof typeof providerStates];

export interface ProviderState {
  name: StateName;
  params: Record<string, string | number | boolean | null>;
}
