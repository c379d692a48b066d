import type { JournalEntry } from '../../openapi/wire-types.ts';
import type { MockClient } from '../runner/mock-client.ts';
import { belongsTo, scopeOf } from './journal-scope.ts';
import type { JournalFilter } from './scenario-context.ts';

export interface JournalViewOptions {
  mock: MockClient;
  organisationId: string;
  /** Journal entries with a higher id happened during this scenario. */
  journalStart: number;
  /** The scenario's customers; their NOX users are looked up on each read, as links add them. */
  customers: ReadonlySet<string>;
  /** The states of the supplier-auth sessions the scenario started (flow 2), filled in as they start. */
  authStates?: ReadonlySet<string>;
}

/**
 * The supplier's calls to NOX during one scenario, and NOX's webhook attempts to it, as `t.journal(filter)`
 * shows them.
 */
export type JournalView = (filter?: JournalFilter) => Promise<JournalEntry[]>;

export function createJournalView(options: JournalViewOptions): JournalView {
  const { mock, organisationId: org, customers: users } = options;
  return async (filter = {}) => {
    const [entries, scope] = await Promise.all([
      mock.journal(org, options.journalStart),
      scopeOf(mock, org, users, options.authStates),
    ]);
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
