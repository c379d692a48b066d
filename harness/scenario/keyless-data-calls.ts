import type { JournalEntry } from '../../openapi/wire-types.ts';
import type { MockClient } from '../runner/mock-client.ts';
import { belongsTo, type ScenarioScope } from './journal-scope.ts';

/**
 * The scenario's data-API calls that no organisation owns: made without a key or with a key NOX does not
 * know, the mock journals them with organisation_id null, outside the organisation's journal. They are
 * the likeliest reason a supplier "made no device read at all".
 */
export type KeylessDataCalls = () => Promise<JournalEntry[]>;

export function createKeylessDataCalls(
  mock: MockClient,
  journalStart: number,
  scope: () => Promise<ScenarioScope>,
): KeylessDataCalls {
  return async () => {
    // The journal without organisation_id holds every organisation's entries and the unattributed ones.
    const url = new URL(`/__nox/journal?area=data&after_id=${journalStart}&limit=10000`, mock.baseUrl);
    const [res, mine] = await Promise.all([fetch(url), scope()]);
    if (!res.ok) return [];
    const { entries } = (await res.json()) as { entries: JournalEntry[] };
    return entries.filter((e) => e.organisation_id === null && belongsTo(e, mine));
  };
}

/** "GET /v1/devices?user_id=… without a key (401)", or "… with a key NOX does not know (401)". */
export function describeKeylessCall(entry: JournalEntry): string {
  const { headers, path, query } = entry.request;
  const user = typeof query.user_id === 'string' ? `?user_id=${query.user_id}` : '';
  const keyed = headers['x-api-key'] !== undefined || headers.authorization !== undefined;
  return `${entry.request.method} ${path}${user} ${keyed ? 'with a key NOX does not know' : 'without a key'} (${entry.response.status})`;
}
