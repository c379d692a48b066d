import type { Area } from './area-of.ts';

/** One request the mock answered, as the harness and the contract builder read it. */
export interface JournalEntry {
  id: number;
  /** Virtual unix seconds of the organisation (or global) clock. */
  at: number;
  organisation_id: string | null;
  area: Area;
  request: {
    method: string;
    path: string;
    query: Record<string, unknown>;
    headers: Record<string, string>;
    body: unknown;
  };
  response: { status: number; headers: Record<string, string>; body: unknown };
  duration_ms: number;
  /** Set when a simulated fault (PUT /__nox/faults) shaped the answer: not NOX's real behaviour. */
  fault?: true;
}

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
