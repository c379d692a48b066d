import type { components } from '../../openapi/generated/nox-control.ts';
import type { Area } from './area-of.ts';
import { entryBytes, MAX_JOURNAL_BYTES } from './journal-limits.ts';

/** One request in or call out, as GET /__nox/journal shows it (the control API's JournalEntry). */
export type JournalEntry = components['schemas']['JournalEntry'];

export interface JournalQuery {
  organisation_id?: string;
  area?: Area;
  after_id?: number;
  limit?: number;
}

/**
 * An entry built only when the journal is read: recording a request then costs no JSON work, as most
 * entries are never read. `read` must give the same entry whenever it is called (it is called once).
 */
export interface LazyEntry {
  organisation_id: string | null;
  area: JournalEntry['area'];
  /** The entry's size for the byte cap, near enough. */
  bytes: number;
  read(): Omit<JournalEntry, 'id'>;
}

/** The in-memory journal: the newest entries up to `capacity` and `maxBytes`, not persisted across restarts. */
export interface Journal {
  record(entry: Omit<JournalEntry, 'id'> | LazyEntry): void;
  list(query?: JournalQuery): JournalEntry[];
  clear(organisationId?: string): void;
}

interface Slot {
  id: number;
  organisation_id: string | null;
  area: JournalEntry['area'];
  bytes: number;
  entry?: JournalEntry;
  read?: () => Omit<JournalEntry, 'id'>;
}

const isLazy = (entry: Omit<JournalEntry, 'id'> | LazyEntry): entry is LazyEntry => 'read' in entry;

export function createJournal(capacity = 10_000, maxBytes = MAX_JOURNAL_BYTES): Journal {
  // The oldest kept slot is slots[head]: dropping is a step of head, and the array is compacted now and
  // then, so a full journal costs O(1) a request instead of a copy of 10,000 entries.
  let slots: Slot[] = [];
  let head = 0;
  let nextId = 1;
  let bytes = 0;
  const materialise = (slot: Slot): JournalEntry => {
    if (!slot.entry && slot.read) slot.entry = { id: slot.id, ...slot.read() };
    slot.read = undefined;
    return slot.entry as JournalEntry;
  };
  return {
    record(entry) {
      const id = nextId++;
      const slot: Slot = isLazy(entry)
        ? {
            id,
            organisation_id: entry.organisation_id,
            area: entry.area,
            bytes: entry.bytes,
            read: entry.read,
          }
        : { id, organisation_id: entry.organisation_id, area: entry.area, bytes: 0, entry: { id, ...entry } };
      if (slot.entry) slot.bytes = entryBytes(slot.entry);
      bytes += slot.bytes;
      slots.push(slot);
      while (slots.length - head > capacity || (bytes > maxBytes && slots.length - head > 1)) {
        bytes -= slots[head]?.bytes ?? 0;
        head++;
      }
      if (head > 1024 && head * 2 > slots.length) {
        slots = slots.slice(head);
        head = 0;
      }
    },
    list({ organisation_id, area, after_id = 0, limit = 1000 } = {}) {
      const found: JournalEntry[] = [];
      for (let i = head; i < slots.length && found.length < limit; i++) {
        const slot = slots[i] as Slot;
        if (slot.id <= after_id) continue;
        if (organisation_id !== undefined && slot.organisation_id !== organisation_id) continue;
        if (area !== undefined && slot.area !== area) continue;
        found.push(materialise(slot));
      }
      return found;
    },
    clear(organisationId) {
      slots = slots
        .slice(head)
        .filter((s) => organisationId !== undefined && s.organisation_id !== organisationId);
      head = 0;
      bytes = slots.reduce((sum, s) => sum + s.bytes, 0);
    },
  };
}
