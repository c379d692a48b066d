import type {
  ChooseSupplierInput,
  ClockReading,
  ClockSetting,
  CompleteInput,
  CompleteResult,
  CompleteSupplierAuthInput,
  ControlOperationId,
  Faults,
  JournalEntry,
  MockState,
  Organisation,
  OrganisationInput,
  PactMessage,
  PactMessageRequest,
  Policies,
  PolicyChanges,
  ProviderStateChange,
  ProviderStateValues,
  SupplierAuthCompletion,
  SupplierAuthStart,
  UserSettingsChange,
  UserSettingsChangeResult,
  WebAppConnectionInput,
  WebhookDelivery,
  WebhookDeliveryRun,
  WebhookDeliveryStatus,
} from './wire-types.ts';

/** A client of the mock's control API (nox-control.yaml), typed from its generated types. */
export interface ControlClient {
  baseUrl: string;
  health(): Promise<void>;
  createOrganisation(input: OrganisationInput): Promise<Organisation>;
  /** Resets one organisation; without an id, the whole mock (demo organisations only). */
  reset(organisationId?: string): Promise<void>;
  organisations(): Promise<Organisation[]>;
  /** The virtual clock as the organisation sees it; without an id, the global clock. */
  clock(organisationId?: string): Promise<ClockReading>;
  advanceClock(organisationId: string, seconds: number): Promise<void>;
  /** Sets the organisation's virtual clock (or the global one) to `now` (unix seconds) or `iso`. */
  setClock(organisationId: string | undefined, time: ClockSetting): Promise<ClockReading>;
  /** The policies in force for the organisation; without an id, the global ones. */
  policies(organisationId?: string): Promise<Policies>;
  setPolicies(organisationId: string, changes: PolicyChanges): Promise<void>;
  setFaults(organisationId: string, faults: Faults): Promise<void>;
  state(organisationId: string): Promise<MockState>;
  journal(organisationId: string, afterId?: number): Promise<JournalEntry[]>;
  /** Flow 1 without a browser: the user picks a brand and logs in at the fake manufacturer (or cancels). */
  complete(token: string, body: CompleteInput): Promise<CompleteResult>;
  /** Sets up a pact's provider state, as a Pact verifier does through its state-change URL. */
  changeProviderState(change: ProviderStateChange): Promise<ProviderStateValues>;
  /** Produces a pact's webhook message, as a Pact verifier asks the message producer for it. */
  pactMessage(request: PactMessageRequest): Promise<PactMessage>;
  /** Flow 2: the user chooses a supplier in the selector of a manufacturer link session. */
  chooseSupplier(linkToken: string, body: ChooseSupplierInput): Promise<SupplierAuthStart>;
  /** Flow 2: the user signs in on NOX's web app and chooses a supplier. */
  startWebAppConnection(body: WebAppConnectionInput): Promise<SupplierAuthStart>;
  /** Flow 2 without a browser: the supplier confirms its user (or the user refuses), and the browser returns. */
  completeSupplierAuthSession(
    state: string,
    body?: CompleteSupplierAuthInput,
  ): Promise<SupplierAuthCompletion>;
  /** Changes a NOX user's settings as the user does on NOX's web app. */
  patchSettingsAsUser(noxUserId: string, change: UserSettingsChange): Promise<UserSettingsChangeResult>;
  /** The webhook deliveries (to one receiver, with one status), oldest first, with their attempts. */
  listWebhookDeliveries(organisationId?: string, status?: WebhookDeliveryStatus): Promise<WebhookDelivery[]>;
  /** Makes the webhook attempts that are due on the receivers' virtual clocks. */
  deliverDueWebhooks(organisationId?: string): Promise<WebhookDeliveryRun>;
  /** Makes one more attempt of a webhook delivery now, whatever its status (the dashboard's "redeliver now"). */
  redeliverWebhook(deliveryId: string): Promise<WebhookDelivery>;
}

/** The client method of every control API operation: a new operationId in nox-control.yaml fails the typecheck. */
export const controlOperationMethods = {
  getHealth: 'health',
  reset: 'reset',
  listOrganisations: 'organisations',
  createOrganisation: 'createOrganisation',
  getClock: 'clock',
  advanceClock: 'advanceClock',
  setClock: 'setClock',
  getPolicies: 'policies',
  putPolicies: 'setPolicies',
  putFaults: 'setFaults',
  completeLinkSession: 'complete',
  chooseSupplier: 'chooseSupplier',
  startWebAppConnection: 'startWebAppConnection',
  completeSupplierAuthSession: 'completeSupplierAuthSession',
  patchSettingsAsUser: 'patchSettingsAsUser',
  listWebhookDeliveries: 'listWebhookDeliveries',
  deliverDueWebhooks: 'deliverDueWebhooks',
  redeliverWebhook: 'redeliverWebhook',
  getState: 'state',
  getJournal: 'journal',
  changeProviderState: 'changeProviderState',
  producePactMessage: 'pactMessage',
} as const satisfies Record<ControlOperationId, keyof ControlClient>;

export interface ControlClientOptions {
  /** The error to throw when the mock does not answer at all (by default a plain Error). */
  unreachable?: (message: string) => Error;
  /** The mock's admin token, sent as `Authorization: Bearer <token>` (needed beyond loopback). */
  adminToken?: string;
}

/** Talks to the mock at `baseUrl` over HTTP only, so the mock may run in another process or container. */
export function createControlClient(baseUrl: string, options: ControlClientOptions = {}): ControlClient {
  const auth: Record<string, string> = options.adminToken
    ? { authorization: `Bearer ${options.adminToken}` }
    : {};
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
    (await send<T>(method, path, body)).json;
  const send = async <T>(method: string, path: string, body?: unknown) => {
    let res: Response;
    try {
      res = await fetch(new URL(path, baseUrl), {
        method,
        headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
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
    return { json: json as T, headers: res.headers };
  };
  const q = (organisationId: string) => `organisation_id=${encodeURIComponent(organisationId)}`;
  const query = (params: Record<string, string | undefined>) => {
    const defined = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
    return defined.length ? `?${new URLSearchParams(defined)}` : '';
  };
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
    clock: (organisation_id) => call('GET', `/__nox/clock${query({ organisation_id })}`),
    advanceClock: async (organisation_id, seconds) => {
      await call('POST', '/__nox/clock/advance', { organisation_id, seconds });
    },
    setClock: (organisation_id, time) => call('POST', '/__nox/clock/set', { organisation_id, ...time }),
    policies: (organisation_id) => call('GET', `/__nox/policies${query({ organisation_id })}`),
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
    pactMessage: async (request) => {
      const { json, headers } = await send<PactMessage['contents']>('POST', '/__nox/pact-messages', request);
      const metadata = Buffer.from(headers.get('pact-message-metadata') ?? '', 'base64').toString('utf8');
      return { contents: json, metadata: metadata ? JSON.parse(metadata) : {} };
    },
    chooseSupplier: (linkToken, body) =>
      call(
        'POST',
        `/__nox/manufacturer-link-sessions/${encodeURIComponent(linkToken)}/choose-supplier`,
        body,
      ),
    startWebAppConnection: (body) => call('POST', '/__nox/web-app/connections', body),
    completeSupplierAuthSession: (state, body = {}) =>
      call('POST', `/__nox/supplier-auth-sessions/${encodeURIComponent(state)}/complete`, body),
    patchSettingsAsUser: (noxUserId, change) =>
      call('PATCH', `/__nox/users/${encodeURIComponent(noxUserId)}/settings`, change),
    listWebhookDeliveries: async (organisation_id, status) =>
      (
        await call<{ deliveries: WebhookDelivery[] }>(
          'GET',
          `/__nox/webhooks${query({ organisation_id, status })}`,
        )
      ).deliveries,
    deliverDueWebhooks: (organisation_id) => call('POST', '/__nox/webhooks/deliver-due', { organisation_id }),
    redeliverWebhook: (deliveryId) =>
      call('POST', `/__nox/webhooks/${encodeURIComponent(deliveryId)}/redeliver`),
  };
}
