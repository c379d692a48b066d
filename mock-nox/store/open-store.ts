import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Adapter, Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Db } from './schema.ts';
import { createSeedDb } from './seed.ts';
import { removeStaleTemp } from './stale-temp.ts';

/** The mock's database: `data` is read and changed in memory, `commit()` makes the changes durable. */
export interface Store {
  data: Db;
  /** Resolves once a file write that includes every change made so far has completed. */
  commit(): Promise<void>;
  /** Where the data lives, for messages: a file path or "memory". */
  location: string;
  /** Releases the database file's lock (also done when the process exits); later commits are refused. */
  close(): void;
}

export type StoreOptions = { file: string } | { inMemory: true } | { adapter: Adapter<Db>; location: string };

/** Raised when the database file cannot be used; the file is left untouched. */
export class StoreFileError extends Error {
  readonly code = 'STORE_FILE_UNREADABLE';
}

/** Opens the store: a lowdb JSON file (created on first write, locked against a second process) or memory. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { adapter, location, file } = adapterFor(options);
  const unlock = file ? lockDatabase(file) : () => undefined;
  let closed = false;
  const close = () => {
    closed = true;
    unlock();
  };
  try {
    if (file) removeStaleTemp(file);
    const data = await readDb(adapter, location, file);
    const groupCommit = createGroupCommit(new Low<Db>(adapter, data));
    // Once the lock is released another process may own the file: a late handler must not write it.
    const commit = () =>
      closed ? Promise.reject(new Error(`the store ${location} is closed`)) : groupCommit();
    return { data, commit, location, close };
  } catch (error) {
    close();
    throw error;
  }
}

function adapterFor(options: StoreOptions): { adapter: Adapter<Db>; location: string; file?: string } {
  if ('adapter' in options) return options;
  if ('inMemory' in options) return { adapter: new Memory<Db>(), location: 'memory' };
  const file = resolve(options.file);
  mkdirSync(dirname(file), { recursive: true });
  return { adapter: new JSONFile<Db>(file), location: file, file };
}

/** The stored database, or the seed when there is none yet; anything else that is not ours stops here. */
async function readDb(adapter: Adapter<Db>, location: string, file?: string): Promise<Db> {
  let stored: unknown;
  try {
    stored = await adapter.read();
  } catch (error) {
    throw new StoreFileError(unreadableMessage(location, error));
  }
  if (stored === null && !(file && existsSync(file))) return createSeedDb();
  if (!isDb(stored))
    throw new StoreFileError(unreadableMessage(location, new Error('it is not a nox-testkit database')));
  fillNewCollections(stored);
  return stored;
}

/**
 * Two processes on one file would each rewrite it from their own memory and lose the other's changes,
 * so the first takes `<file>.lock` with its pid; a lock left by a process that is gone is taken over.
 */
function lockDatabase(file: string): () => void {
  const lock = `${file}.lock`;
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(lock, 'utf8'));
    if (isRunning(holder)) {
      throw new StoreFileError(
        `The database ${file} is in use by process ${holder} (another nox-testkit serve?). Two processes on one ` +
          "file would overwrite each other's changes: stop the other one, give this one its own --db, or use --in-memory.",
      );
    }
    writeFileSync(lock, String(process.pid));
  }
  const release = () => {
    process.off('exit', release);
    rmSync(lock, { force: true });
  };
  process.on('exit', release);
  return release;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
  data.policies = { ...seed.policies, ...data.policies };
  for (const org of data.organisations) {
    org.brands ??= [];
    org.route_faults ??= [];
    org.webhook_events ??= null;
  }
}

const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ours: schema version 1, the core collections present, and every collection a list of objects. */
function isDb(value: unknown): value is Db {
  if (!isRecord(value)) return false;
  const db = value as Record<string, unknown>;
  const core = ['organisations', 'link_sessions', 'nox_users', 'devices'];
  const collections = Object.entries(db).filter(([, v]) => Array.isArray(v)) as [string, unknown[]][];
  return (
    db.schema_version === 1 &&
    core.every((key) => Array.isArray(db[key])) &&
    collections.every(([, rows]) => rows.every(isRecord))
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
