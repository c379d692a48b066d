import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Adapter, Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createSeedDb, type Db } from './db.ts';

/** The mock's database: `data` is read and changed in memory, `commit()` makes the changes durable. */
export interface Store {
  data: Db;
  /** Resolves once a file write that includes every change made so far has completed. */
  commit(): Promise<void>;
  /** Where the data lives, for messages: a file path or "memory". */
  location: string;
}

export type StoreOptions = { file: string } | { inMemory: true } | { adapter: Adapter<Db>; location: string };

/** Raised when the database file cannot be used; the file is left untouched. */
export class StoreFileError extends Error {
  readonly code = 'STORE_FILE_UNREADABLE';
}

/** Opens the store: a lowdb JSON file (created on first write) or memory. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { adapter, location } = adapterFor(options);
  const db = new Low<Db>(adapter, createSeedDb());
  try {
    await db.read();
  } catch (error) {
    throw new StoreFileError(unreadableMessage(location, error));
  }
  if (!isDb(db.data)) {
    throw new StoreFileError(unreadableMessage(location, new Error('it is not a nox-testkit database')));
  }
  fillNewCollections(db.data);
  return { data: db.data, commit: createGroupCommit(db), location };
}

function adapterFor(options: StoreOptions): { adapter: Adapter<Db>; location: string } {
  if ('adapter' in options) return options;
  if ('inMemory' in options) return { adapter: new Memory<Db>(), location: 'memory' };
  const file = resolve(options.file);
  mkdirSync(dirname(file), { recursive: true });
  return { adapter: new JSONFile<Db>(file), location: file };
}

function unreadableMessage(location: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    `Cannot read the mock's database ${location}: ${reason}. The file was left as it is. ` +
    'Move it aside (or delete it) to start with a fresh database, or start with --in-memory.'
  );
}

/** A database written by an older version lacks the collections added since: they start empty. */
function fillNewCollections(data: Db): void {
  const seed = createSeedDb();
  for (const key of Object.keys(seed) as (keyof Db)[]) {
    if (data[key] === undefined) Object.assign(data, { [key]: seed[key] });
  }
  for (const org of data.organisations) org.brands ??= [];
}

function isDb(value: unknown): value is Db {
  const db = value as Partial<Db> | null;
  return (
    typeof db === 'object' &&
    db !== null &&
    db.schema_version === 1 &&
    Array.isArray(db.organisations) &&
    Array.isArray(db.link_sessions) &&
    Array.isArray(db.nox_users) &&
    Array.isArray(db.devices)
  );
}

/**
 * Group commit: every caller waits for a write that started after its change, but callers that arrive
 * while a write is in flight share the next one, so N concurrent requests cost about two file writes.
 */
function createGroupCommit(db: Low<Db>): () => Promise<void> {
  let inFlight: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;
  return () => {
    if (next) return next;
    const queued = inFlight
      .catch(() => undefined)
      .then(() => {
        next = null;
        inFlight = db.write();
        return inFlight;
      });
    next = queued;
    return queued;
  };
}
