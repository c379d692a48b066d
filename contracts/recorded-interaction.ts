import type { JournalEntry } from '../openapi/wire-types.ts';
import { answeredEmptyList, linkedCustomerParams } from './linked-customer.ts';
import { type ProviderState, providerStates } from './provider-states.ts';

export type { JournalEntry };

/** One supplier → NOX exchange, ready to be declared as a Pact interaction. */
export interface RecordedInteraction {
  description: string;
  states: ProviderState[];
  request: {
    method: string;
    path: string;
    query: Record<string, string>;
    headers: Record<string, string>;
    body?: unknown;
  };
  response: { status: number; contentType?: string; body?: unknown };
  /** Where the request carries values only known at verification time: `${api_key}`, `${nox_user_id}`, `${device_id}`, `${state}`. */
  injected: { header?: boolean; query: string[]; body: string[]; pathUser?: boolean };
  /** The scenarios in which this exchange was seen. */
  scenarios: string[];
}

const apiPaths = /^\/(v2\/|users\/[^/]+\/link$|v1\/|post-login-redirect$)/;
const userFields = ['user_id', 'house_id'];

/**
 * The exchange of a journal entry, or null when it does not belong in a contract: not a NOX API call, or
 * an answer a simulated fault made up.
 */
export function interactionFromEntry(
  entry: JournalEntry,
  supplier: string,
  scenario: string,
): RecordedInteraction | null {
  const { request, response } = entry;
  if (entry.fault || !apiPaths.test(request.path) || entry.area === 'page') return null;
  // A next page is asked for with a cursor NOX issued in the recorded run: no verifying provider ever
  // issued it, so the exchange cannot be replayed as a contract (the first page's is kept).
  if (request.query.next_token !== undefined) return null;
  const keyAccepted = response.status !== 401;
  const query = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, String(v)]));
  const body = request.body === null || request.body === undefined ? undefined : request.body;
  const isData = request.path.startsWith('/v1/');
  const bodyFields = isData && body && typeof body === 'object' ? Object.keys(body) : [];
  const session = supplierAuthSessionOf(entry);
  const injected = {
    header: keyAccepted,
    query: isData ? Object.keys(query).filter((k) => userFields.includes(k) || k === 'device_id') : [],
    body: [...bodyFields.filter((k) => k === 'user_id' || k === 'device_id'), ...(session ? ['state'] : [])],
    pathUser: /^\/v1\/users\/[^/]+$/.test(request.path),
  };
  const namesUser =
    injected.query.length > 0 || injected.body.some((k) => k !== 'state') || injected.pathUser;
  const redirect = (body as { redirect_url?: unknown; redirect_uri?: unknown } | undefined) ?? {};
  const redirectUrl = redirect.redirect_url ?? redirect.redirect_uri;
  // The state allows the redirect URL only when NOX accepted it (a recorded "not allowed" 400 must stay
  // a 400); loopback callbacks are allowed anyway, and leaving their random port out keeps pacts stable.
  const allowRedirect = typeof redirectUrl === 'string' && response.status < 400 && !isLoopback(redirectUrl);
  const supplierParams = { supplier, ...(allowRedirect ? { redirect_url: redirectUrl } : {}) };
  const states: ProviderState[] = [{ name: providerStates.supplier, params: supplierParams }];
  if (namesUser && keyAccepted && response.status < 500) {
    states.push({ name: providerStates.linkedUser, params: linkedCustomerParams(entry) });
  }
  if (session) states.push({ name: providerStates.supplierAuth, params: { session } });
  const contentType = response.headers['content-type']?.split(';')[0];
  return {
    description: describe(entry, query, body),
    states,
    request: {
      method: request.method,
      path: request.path,
      query,
      headers: keyHeader(request.headers),
      body,
    },
    response: {
      status: response.status,
      contentType,
      body: response.status === 204 ? undefined : withoutCursor(response.body),
    },
    injected,
    scenarios: [scenario],
  };
}

/**
 * A list's answer without its `meta.next_token` cursor when it names a next page: whether there is one
 * depends on the page size in force when it was recorded (a scenario may lower it), and its value on the run.
 */
function withoutCursor(body: unknown): unknown {
  const meta = (body as { meta?: Record<string, unknown> } | null)?.meta;
  if (!meta || typeof meta.next_token !== 'string') return body;
  const { next_token: _cursor, ...rest } = meta;
  return { ...(body as object), meta: rest };
}

/**
 * The supplier-auth session a POST /post-login-redirect met, by NOX's answer: pending (200), confirmed
 * for another user or ended (409), expired (410). Any other answer (400, 401, an unknown state's 404)
 * needs no session: its recorded state is replayed as sent.
 */
function supplierAuthSessionOf(entry: JournalEntry): string | undefined {
  if (entry.request.path !== '/post-login-redirect') return undefined;
  const sessions: Record<number, string> = {
    200: 'pending',
    409: 'confirmed for another user',
    410: 'expired',
  };
  const body = entry.request.body as { state?: unknown } | null;
  return typeof body?.state === 'string' ? sessions[entry.response.status] : undefined;
}

/** The header the key came in: x-api-key, else `Authorization: ApiKey …` (v1 and POST /post-login-redirect). */
function keyHeader(headers: Record<string, string>): Record<string, string> {
  if (headers['x-api-key'] !== undefined) return { 'x-api-key': headers['x-api-key'] };
  const authorization = headers.authorization;
  return authorization?.startsWith('ApiKey ') ? { authorization } : {};
}

function isLoopback(url: string): boolean {
  return URL.canParse(url) && ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}

/**
 * A sentence unique to the exchange's shape: what was called with which fields, and the status; an empty
 * list is a shape of its own (its state links no device of the listed type), so it never stands for a full one.
 */
function describe(entry: JournalEntry, query: Record<string, string>, body: unknown): string {
  const { method } = entry.request;
  const path = entry.request.path
    .replace(/^\/v1\/users\/[^/]+$/, '/v1/users/{user_id}')
    .replace(/^\/users\/[^/]+\/link$/, '/users/{userId}/link');
  const fields = (o: unknown) =>
    o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o).sort().join(', ') : '';
  const parts = [`${method} ${path}`];
  if (Object.keys(query).length) parts.push(`with query ${Object.keys(query).sort().join(', ')}`);
  if (body !== undefined) parts.push(`with body ${fields(body) || 'other than an object'}`);
  if (entry.response.status === 401)
    parts.push(entry.request.headers['x-api-key'] ? 'with a wrong API key' : 'without an API key');
  const empty = answeredEmptyList(entry) ? ' with an empty list' : '';
  return `${parts.join(' ')} answers ${entry.response.status}${empty}`;
}
