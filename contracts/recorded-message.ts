import { type ProviderState, providerStates } from './provider-states.ts';
import type { JournalEntry } from './recorded-interaction.ts';

/** The X-Webhook-* headers a delivery carries, as NOX names them: the message's metadata. */
export const WEBHOOK_HEADERS = ['X-Webhook-Id', 'X-Webhook-Timestamp', 'X-Webhook-Signature'] as const;

/** A webhook event NOX delivered and the supplier acknowledged, ready to be declared as a Pact message. */
export interface RecordedMessage {
  description: string;
  states: ProviderState[];
  /** The event body as NOX sent it. */
  event: { type: string; data?: { value?: unknown; previous_value?: unknown } } & Record<string, unknown>;
  /** The recorded X-Webhook-* values, by NOX's header names. */
  headers: Record<string, string>;
  /** The scenarios in which the event was delivered. */
  scenarios: string[];
}

type Value = string | number | boolean | null;

/**
 * The message of a journal entry of the mock's webhook sender (area `webhook`: the request is the
 * event NOX POSTed, the response what the supplier's receiver answered), or null when it is no
 * delivery the supplier acknowledged with a 2xx: a refused or failed attempt is no contract.
 */
export function messageFromEntry(
  entry: JournalEntry,
  supplier: string,
  scenario: string,
): RecordedMessage | null {
  const { request, response } = entry;
  if (entry.area !== 'webhook' || entry.fault || response.status < 200 || response.status >= 300) return null;
  const event = request.body as RecordedMessage['event'] | null;
  if (!event || typeof event !== 'object' || typeof event.type !== 'string') return null;
  const headers = Object.fromEntries(
    WEBHOOK_HEADERS.map((name) => [name, request.headers[name.toLowerCase()] ?? '']),
  );
  const asParam = (v: unknown): Value =>
    v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as Value) : JSON.stringify(v);
  return {
    description: `a webhook event ${event.type}`,
    states: [
      { name: providerStates.supplier, params: { supplier } },
      { name: providerStates.linkedUser, params: { count: 1, asset_type: 'hp' } },
      {
        name: providerStates.settingsChange,
        params: {
          event_type: event.type,
          previous_value: asParam(event.data?.previous_value ?? null),
          value: asParam(event.data?.value ?? null),
        },
      },
    ],
    event,
    headers,
    scenarios: [scenario],
  };
}
