// The wire shapes the harness and contracts read, all from the types generated from openapi/*.yaml: nothing here is
// declared by hand, so a change to a spec shows up as a type error where the harness depends on it.
import type { components as auth } from './generated/nox-auth.ts';
import type { components as control, operations } from './generated/nox-control.ts';

type Json<Body> = Body extends { content: { 'application/json': infer T } } ? T : never;
type RequestJson<K extends keyof operations> = Json<NonNullable<operations[K]['requestBody']>>;
type ResponseJson<K extends keyof operations, Status extends number> = Json<
  operations[K]['responses'][Status & keyof operations[K]['responses']]
>;

/** One request the mock answered (GET /__nox/journal). */
export type JournalEntry = control['schemas']['JournalEntry'];
/** A supplier or manufacturer on the mock, with its API key. */
export type Organisation = control['schemas']['Organisation'];
/** Every policy as in force. */
export type Policies = control['schemas']['Policies'];
/** A simulated failure of one NOX API route. */
export type RouteFault = control['schemas']['RouteFault'];
/** Some policies to change. */
export type PolicyChanges = control['schemas']['PolicyChanges'];
/** A link session as the mock holds it. */
export type LinkSession = control['schemas']['LinkSession'];
/** A heat pump's settings as NOX holds them for every party (GET /v1/devices/settings shows the same). */
export type SettingsInForce = control['schemas']['SettingsInForce'];
/** The mock's state for one organisation (GET /__nox/state). */
export type MockState = ResponseJson<'getState', 200>;
/** The body of POST /__nox/organisations. */
export type OrganisationInput = RequestJson<'createOrganisation'>;
/** The body of PUT /__nox/faults, without the organisation (the client adds it). */
export type Faults = Omit<RequestJson<'putFaults'>, 'organisation_id'>;
/** The body of POST /__nox/link-sessions/{link_token}/complete. */
export type CompleteInput = NonNullable<RequestJson<'completeLinkSession'>>;
/** How a link session completed without a browser ended. */
export type CompleteResult = ResponseJson<'completeLinkSession', 200>;
/** The JSON inside a successful v2 callback's `data` parameter (base64url). */
export type CallbackPayload = auth['schemas']['LinkCallbackData'];
/** The body of POST /__nox/provider-states: Pact's state-change request. */
export type ProviderStateChange = control['schemas']['ProviderStateChange'];
/** What a provider state set up, by the names the pact's `${name}` expressions use. */
export type ProviderStateValues = control['schemas']['ProviderStateValues'];
/** The body of POST /__nox/pact-messages: what a Pact verifier asks the message producer for. */
export type PactMessageRequest = RequestJson<'producePactMessage'>;
/** A produced pact message: the webhook event and its metadata (content type, X-Webhook-* headers). */
export interface PactMessage {
  contents: ResponseJson<'producePactMessage', 200>;
  metadata: Record<string, string>;
}
/** The virtual clock, global or as one organisation sees it. */
export type ClockReading = control['schemas']['ClockReading'];
/** The body of POST /__nox/clock/set without the organisation: `now` (unix seconds) or `iso`. */
export type ClockSetting = Omit<RequestJson<'setClock'>, 'organisation_id'>;
/** The body of POST /__nox/manufacturer-link-sessions/{link_token}/choose-supplier. */
export type ChooseSupplierInput = control['schemas']['ChooseSupplierRequest'];
/** The body of POST /__nox/web-app/connections. */
export type WebAppConnectionInput = control['schemas']['WebAppConnectionRequest'];
/** What choosing a supplier (selector or web app) led to: a supplier-auth session's state, or a failure. */
export type SupplierAuthStart = control['schemas']['SupplierAuthStart'];
/** The body of POST /__nox/supplier-auth-sessions/{state}/complete. */
export type CompleteSupplierAuthInput = control['schemas']['CompleteSupplierAuthRequest'];
/** How a supplier-auth session completed without a browser ended. */
export type SupplierAuthCompletion = control['schemas']['SupplierAuthCompletion'];
/** The body of PATCH /__nox/users/{nox_user_id}/settings. */
export type UserSettingsChange = control['schemas']['UserSettingsChange'];
/** The settings in force after a user's change, and the webhook deliveries it queued. */
export type UserSettingsChangeResult = control['schemas']['UserSettingsChangeResult'];
/** A webhook delivery with its attempts. */
export type WebhookDelivery = control['schemas']['WebhookDelivery'];
/** A webhook delivery's status (the status filter of GET /__nox/webhooks). */
export type WebhookDeliveryStatus = control['schemas']['WebhookDeliveryStatus'];
/** What POST /__nox/webhooks/deliver-due attempted. */
export type WebhookDeliveryRun = ResponseJson<'deliverDueWebhooks', 200>;
/** The operationIds of the control API (nox-control.yaml). */
export type ControlOperationId = keyof operations;
