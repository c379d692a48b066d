import type {
  CompleteInput,
  CompleteResult,
  Faults,
  JournalEntry,
  MockState,
  Organisation,
  OrganisationInput,
  PolicyChanges,
  ProviderStateChange,
  ProviderStateValues,
} from './wire-types.ts';

/** A client of the mock's control API (nox-control.yaml), typed from its generated types. */
export interface ControlClient {
  baseUrl: string;
  health(): Promise<void>;
  createOrganisation(input: OrganisationInput): Promise<Organisation>;
  reset(organisationId: string): Promise<void>;
  organisations(): Promise<Organisation[]>;
  advanceClock(organisationId: string, seconds: number): Promise<void>;
  setPolicies(organisationId: string, changes: PolicyChanges): Promise<void>;
  setFaults(organisationId: string, faults: Faults): Promise<void>;
  state(organisationId: string): Promise<MockState>;
  journal(organisationId: string, afterId?: number): Promise<JournalEntry[]>;
  complete(token: string, body: CompleteInput): Promise<CompleteResult>;
  /** Sets up a pact's provider state, as a Pact verifier does through its state-change URL. */
  changeProviderState(change: ProviderStateChange): Promise<ProviderStateValues>;
}

export interface ControlClientOptions {
  /** The error to throw when the mock does not answer at all (by default a plain Error). */
  unreachable?: (message: string) => Error;
}

/** Talks to the mock at `baseUrl` over HTTP only, so the mock may run in another process or container. */
export function createControlClient(baseUrl: string, options: ControlClientOptions = {}): ControlClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(new URL(path, baseUrl), {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const message = `The mock NOX at ${baseUrl} does not answer (${(error as Error).message}). Is it running?`;
      throw options.unreachable?.(message) ?? new Error(message);
    }
    const json = await res.json().catch(() => ({}));
    if (!res.ok)
      throw new Error(
        `${method} ${path} on the mock answered ${res.status}: ${json.error ?? JSON.stringify(json)}`,
      );
    return json as T;
  };
  const q = (organisationId: string) => `organisation_id=${encodeURIComponent(organisationId)}`;
  return {
    baseUrl,
    health: async () => {
      await call('GET', '/__nox/health');
    },
    createOrganisation: (input) => call('POST', '/__nox/organisations', input),
    organisations: async () =>
      (await call<{ organisations: Organisation[] }>('GET', '/__nox/organisations')).organisations,
    reset: async (organisation_id) => {
      await call('POST', '/__nox/reset', { organisation_id });
    },
    advanceClock: async (organisation_id, seconds) => {
      await call('POST', '/__nox/clock/advance', { organisation_id, seconds });
    },
    setPolicies: async (organisation_id, changes) => {
      await call('PUT', '/__nox/policies', { organisation_id, ...changes });
    },
    setFaults: async (organisation_id, faults) => {
      await call('PUT', '/__nox/faults', { organisation_id, ...faults });
    },
    state: (organisationId) => call('GET', `/__nox/state?${q(organisationId)}`),
    journal: async (organisationId, afterId = 0) =>
      (
        await call<{ entries: JournalEntry[] }>(
          'GET',
          `/__nox/journal?${q(organisationId)}&after_id=${afterId}&limit=10000`,
        )
      ).entries,
    complete: (token, body) =>
      call('POST', `/__nox/link-sessions/${encodeURIComponent(token)}/complete`, body),
    changeProviderState: (change) => call('POST', '/__nox/provider-states', change),
  };
}
