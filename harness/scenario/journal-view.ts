import type { JournalEntry } from '../../openapi/wire-types.ts';
import type { MockClient } from '../runner/mock-client.ts';
import { belongsTo } from './journal-scope.ts';
import type { JournalFilter } from './scenario-context.ts';

export interface JournalViewOptions {
  mock: MockClient;
  organisationId: string;
  /** Journal entries with a higher id happened during this scenario. */
  journalStart: number;
  /** The scenario's customers; their NOX users are looked up on each read, as links add them. */
  customers: ReadonlySet<string>;
}

/** The supplier's calls to NOX during one scenario, as `t.journal(filter)` shows them. */
export type JournalView = (filter?: JournalFilter) => Promise<JournalEntry[]>;

export function createJournalView(options: JournalViewOptions): JournalView {
  const { mock, organisationId: org, customers: users } = options;
  return async (filter = {}) => {
    const [entries, s] = await Promise.all([mock.journal(org, options.journalStart), mock.state(org)]);
    const scope = {
      users,
      noxUsers: new Set(s.nox_users.filter((u) => users.has(u.supplier_user_id)).map((u) => u.id)),
    };
    return entries.filter(
      (e) =>
        (filter.scope === 'organisation' ? e.area !== 'page' : belongsTo(e, scope)) &&
        (filter.method === undefined || e.request.method === filter.method) &&
        (filter.path === undefined ||
          (typeof filter.path === 'string'
            ? e.request.path === filter.path
            : filter.path.test(e.request.path))),
    );
  };
}
