import type { JournalEntry } from '../../openapi/wire-types.ts';

/**
 * Whether a journal entry is one of this scenario's: it names one of the scenario's customers (link
 * creation) or one of their NOX users (data API reads and writes), so parallel scenarios sharing one
 * organisation never see each other's calls.
 */
export function belongsTo(
  entry: JournalEntry,
  scope: { users: ReadonlySet<string>; noxUsers: ReadonlySet<string> },
): boolean {
  if (entry.area === 'page') return false;
  const body = (entry.request.body ?? {}) as Record<string, unknown>;
  const query = entry.request.query as Record<string, unknown>;
  const v1User = /^\/users\/([^/]+)\/link$/.exec(entry.request.path)?.[1];
  const named = [body.user_id, query.user_id, query.house_id, v1User && decodeURIComponent(v1User)];
  const deleted = /^\/v1\/users\/([^/]+)$/.exec(entry.request.path)?.[1];
  return (
    named.some((id) => typeof id === 'string' && (scope.users.has(id) || scope.noxUsers.has(id))) ||
    (deleted !== undefined && scope.noxUsers.has(deleted))
  );
}
