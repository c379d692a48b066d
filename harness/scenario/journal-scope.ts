import type { JournalEntry } from '../../openapi/wire-types.ts';
import type { MockClient } from '../runner/mock-client.ts';

/** Who a scenario is: its customers, their NOX users, and the supplier-auth sessions it started. */
export interface ScenarioScope {
  users: ReadonlySet<string>;
  noxUsers: ReadonlySet<string>;
  /** The `state` of each supplier-auth session (flow 2) the scenario started. */
  states?: ReadonlySet<string>;
}

/** The scope now: NOX users are looked up on each read, as links add them. */
export async function scopeOf(
  mock: MockClient,
  organisationId: string,
  users: ReadonlySet<string>,
  states: ReadonlySet<string> = new Set(),
): Promise<ScenarioScope> {
  const s = await mock.state(organisationId);
  const noxUsers = new Set(s.nox_users.filter((u) => users.has(u.supplier_user_id)).map((u) => u.id));
  return { users, noxUsers, states };
}

/** Whether a webhook event is about one of the scenario's customers (its metadata names them). */
export function webhookIsOurs(event: unknown, scope: ScenarioScope): boolean {
  const metadata = ((event ?? {}) as { metadata?: Record<string, unknown> }).metadata ?? {};
  const { user_id, external_user_id } = metadata;
  return (
    (typeof user_id === 'string' && scope.noxUsers.has(user_id)) ||
    (typeof external_user_id === 'string' && scope.users.has(external_user_id))
  );
}

/**
 * Whether a journal entry is one of this scenario's: it names one of the scenario's customers (link
 * creation) or one of their NOX users (data API reads and writes), is a webhook attempt about them, or is
 * a POST /post-login-redirect of a supplier-auth session the scenario started (whatever user id a flawed
 * supplier posted in it), so parallel scenarios sharing one organisation never see each other's calls.
 */
export function belongsTo(entry: JournalEntry, scope: ScenarioScope): boolean {
  if (entry.area === 'page') return false;
  const body = (entry.request.body ?? {}) as Record<string, unknown>;
  if (entry.area === 'webhook') return webhookIsOurs(body, scope);
  // By its state only: a flawed supplier may post another scenario's customer in this scenario's session.
  if (entry.request.path === '/post-login-redirect' && typeof body.state === 'string')
    return scope.states?.has(body.state) ?? false;
  const query = entry.request.query as Record<string, unknown>;
  const v1User = /^\/users\/([^/]+)\/link$/.exec(entry.request.path)?.[1];
  const named = [body.user_id, query.user_id, query.house_id, v1User && decodeURIComponent(v1User)];
  const deleted = /^\/v1\/users\/([^/]+)$/.exec(entry.request.path)?.[1];
  return (
    named.some((id) => typeof id === 'string' && (scope.users.has(id) || scope.noxUsers.has(id))) ||
    (deleted !== undefined && scope.noxUsers.has(deleted))
  );
}
