import type { MockClient } from '../runner/mock-client.ts';

/**
 * Where each customer's last visit to the supplier's app (starting to connect, opening a callback) began in
 * the journal: what the supplier called NOX for after it is what it made of that visit. Without readBack
 * it is the evidence that a refused callback was not taken (no device read followed it).
 */
export interface CustomerVisits {
  /** Notes that `customer` now starts a visit (before the browser goes there). */
  mark(customer: string): Promise<void>;
  /** The journal id after which the customer's last visit's calls come (the scenario's start if none). */
  since(customer: string): number;
}

/** Marks are taken only when `needed` (an adapter without readBack): each costs a read of the journal. */
export function createCustomerVisits(
  mock: MockClient,
  organisationId: string,
  journalStart: number,
  needed: boolean,
): CustomerVisits {
  const marks = new Map<string, number>();
  return {
    async mark(customer) {
      if (!needed) return;
      const entries = await mock.journal(organisationId, journalStart);
      marks.set(customer, entries.at(-1)?.id ?? journalStart);
    },
    since: (customer) => marks.get(customer) ?? journalStart,
  };
}
