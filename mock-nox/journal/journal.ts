import type { components } from '../../openapi/generated/nox-control.ts';
import type { Area } from './area-of.ts';
import { entryBytes, MAX_JOURNAL_BYTES } from './journal-limits.ts';

/** One request the mock answered, as the harness and the contract builder read it. */
/** One request in or call out, as GET /__nox/journal shows it (the control API's JournalEntry). */
export type JournalEntry = components['schemas']['JournalEntry'];

export interface JournalQuery {
  organisation_id?: string;
  area?: Area;
  after_id?: number;
  limit?: number;
}

/** The in-memory journal: the newest entries up to `capacity` and `maxBytes`, not persisted across restarts. */
export interface Journal {
  record(entry: Omit<JournalEntry, 'id'>): void;
  list(query?: JournalQuery): JournalEntry[];
  clear(organisationId?: string): void;
}

export function createJournal(capacity = 10_000, maxBytes = MAX_JOURNAL_BYTES): Journal {
  let entries: JournalEntry[] = [];
  let nextId = 1;
  const sizes = new WeakMap<JournalEntry, number>();
  let bytes = 0;
  return {
    record(entry) {
      const added = { id: nextId++, ...entry };
      sizes.set(added, entryBytes(added));
      bytes += sizes.get(added) ?? 0;
      entries.push(added);
      let drop = Math.max(0, entries.length - capacity);
      while (bytes > maxBytes && drop < entries.length - 1) drop++;
      for (const old of entries.slice(0, drop)) bytes -= sizes.get(old) ?? 0;
      if (drop > 0) entries = entries.slice(drop);
    },
    list({ organisation_id, area, after_id = 0, limit = 1000 } = {}) {
      return entries
        .filter((e) => e.id > after_id)
        .filter((e) => organisation_id === undefined || e.organisation_id === organisation_id)
        .filter((e) => area === undefined || e.area === area)
        .slice(0, limit);
    },
    clear(organisationId) {
      entries =
        organisationId === undefined ? [] : entries.filter((e) => e.organisation_id !== organisationId);
      bytes = entries.reduce((sum, e) => sum + (sizes.get(e) ?? 0), 0);
    },
  };
}
