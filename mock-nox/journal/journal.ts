import type { components } from '../../openapi/generated/nox-control.ts';
import type { Area } from './area-of.ts';

/** One request the mock answered, as the harness and the contract builder read it. */
/** One request in or call out, as GET /__nox/journal shows it (the control API's JournalEntry). */
export type JournalEntry = components['schemas']['JournalEntry'];

export interface JournalQuery {
  organisation_id?: string;
  area?: Area;
  after_id?: number;
  limit?: number;
}

/** The in-memory journal: the newest entries up to `capacity`, not persisted across restarts. */
export interface Journal {
  record(entry: Omit<JournalEntry, 'id'>): void;
  list(query?: JournalQuery): JournalEntry[];
  clear(organisationId?: string): void;
}

export function createJournal(capacity = 10_000): Journal {
  let entries: JournalEntry[] = [];
  let nextId = 1;
  return {
    record(entry) {
      entries.push({ id: nextId++, ...entry });
      if (entries.length > capacity) entries = entries.slice(-capacity);
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
    },
  };
}
