import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Adapter, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createFileLog } from './file-log.ts';
import { createIndexes, type IndexName } from './indexes.ts';
import { logPaths, readLog, replay } from './record-log.ts';
import type {
  Db,
  Device,
  LinkSession,
  ManufacturerLinkSession,
  ManufacturerUser,
  NoxUser,
  Organisation,
  PvFlexControl,
  PvSchedule,
  SettingsRecord,
  SupplierAuthSession,
  ThermalSchedule,
  WebhookDelivery,
} from './schema.ts';
import { createSeedDb } from './seed.ts';
import { removeStaleTemp } from './stale-temp.ts';
import { type Collection, createTracking, type Row, type Tracking } from './tracked-data.ts';

/** The mock's database: `data` is read and changed in memory, `commit()` makes the changes durable. */
export interface Store {
  /**
   * The documents. A record read through one of its lists counts as changed and is in the next commit,
   * so reads that change nothing and touch many records go through `rows()` or `find` instead.
   */
  data: Db;
  /** Resolves once a write that includes every change made so far has completed. */
  commit(): Promise<void>;
  /**
   * Grows with every record changed, added, removed or handed out (read through `data` or `find`): while it
   * stays the same a commit has nothing to write. A change inside a document that is not a list (e.g.
   * `data.policies.x = …`) does not count: whoever makes one commits it.
   */
  readonly revision: number;
  /** Where the data lives, for messages: a file path or "memory". */
  location: string;
  /** Indexed lookups (a record found counts as changed, as one read through `data` does). */
  find: StoreLookups;
  /** The same lookups for reading only: nothing found through them is written at the next commit. */
  peek: StoreLookups;
  /** A collection's records for reading only: nothing read through it is written at the next commit. */
  rows<C extends Collection>(collection: C): Readonly<Db[C]>;
  /** Removes these records from a collection (cheaper than replacing the list with a filtered copy). */
  remove<C extends Collection>(collection: C, records: readonly Db[C][number][]): void;
  /**
   * Call after changing an indexed field (a token, key, user or device id) of records in place: with the
   * records changed, they are filed under their new keys; without, the collection's indexes are rebuilt.
   */
  keysChanged<C extends Collection>(collection: C, records?: readonly Db[C][number][]): void;
  /** Writes what is left, folds the log into the snapshot and releases the lock; later commits are refused. */
  close(): Promise<void>;
}

/** The lookups made on every request, by key. */
export interface StoreLookups {
  linkSession(token: string): LinkSession | undefined;
  organisation(id: string): Organisation | undefined;
  organisationByKey(apiKey: string): Organisation | undefined;
  noxUser(id: string): NoxUser | undefined;
  /** The NOX user an organisation's own user id (`user_id` on the link session) is linked to. */
  noxUserOf(organisationId: string, supplierUserId: string | null): NoxUser | undefined;
  devicesOf(noxUserId: string): Device[];
  /** The organisation's devices of one manufacturer account. */
  devicesOfAccount(organisationId: string, brand: string, account: string): Device[];
  /** The devices an organisation linked (a supplier's users', a manufacturer's own users'). */
  devicesOfOrganisation(organisationId: string): Device[];
  devicesOfBrand(brand: string): Device[];
  /** Every row of this device id (one per NOX user it is linked to). */
  devicesWithId(deviceId: string): Device[];
  noxUsersOf(organisationId: string): NoxUser[];
  /** A NOX user's own settings (deviceId null) or one device's. */
  settingsOf(noxUserId: string, deviceId: string | null): SettingsRecord | undefined;
  /** Every settings record of a NOX user, at user and at device level. */
  everySettingsOf(noxUserId: string): SettingsRecord[];
  /** An organisation's schedules of one device, in the order received. */
  thermalSchedulesOf(organisationId: string, deviceId: string): ThermalSchedule[];
  pvSchedulesOf(organisationId: string, deviceId: string): PvSchedule[];
  pvFlexControlsOf(organisationId: string): PvFlexControl[];
  webhookDelivery(id: string): WebhookDelivery | undefined;
  manufacturerLinkSession(token: string): ManufacturerLinkSession | undefined;
  manufacturerUser(organisationId: string, manufacturerUserId: string): ManufacturerUser | undefined;
  manufacturerUsersOf(noxUserId: string): ManufacturerUser[];
  supplierAuthSession(state: string): SupplierAuthSession | undefined;
  /** The supplier-auth sessions of one manufacturer account (a brand's web-app or app user). */
  supplierAuthSessionsOf(brand: string, manufacturerUserId: string): SupplierAuthSession[];
}

export type StoreOptions = (
  | { file: string }
  | { inMemory: true }
  | { adapter: Adapter<Db>; location: string }
) & {
  /** File store: the log is folded into the snapshot once larger than this and than the snapshot. */
  compactAfterBytes?: number;
};

/** Raised when the database file cannot be used; the file is left untouched. */
export class StoreFileError extends Error {
  readonly code = 'STORE_FILE_UNREADABLE';
}

/**
 * Opens the store: a lowdb JSON file with its log (locked against a second process), or memory.
 * The file is the snapshot; `<file>.log` holds the changes since, replayed here.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { adapter, location, file } = adapterFor(options);
  const unlock = file ? lockDatabase(file) : () => undefined;
  let closed = false;
  try {
    if (file) removeStaleTemp(file);
    const stored = await readDb(adapter, location, file);
    const loaded = file ? loadLogs(file, location, stored) : undefined;
    const indexes = createIndexes((c) => tracking.rows(c) as unknown as Row[]);
    const tracking = createTracking(stored, indexes.hooks, { logged: file !== undefined, ids: loaded?.ids });
    const log = file
      ? await startLog(file, adapter, tracking, loaded as Loaded, options.compactAfterBytes)
      : undefined;
    const groupCommit = createGroupCommit(log ? log.write : () => adapter.write(stored));
    // Once the lock is released another process may own the file: a late handler must not write it.
    const commit = () =>
      closed ? Promise.reject(new Error(`the store ${location} is closed`)) : groupCommit();
    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        try {
          await groupCommit();
          closed = true;
          await log?.close();
        } finally {
          closed = true;
          unlock();
        }
      })();
      return closing;
    };
    return {
      data: tracking.data,
      commit,
      get revision() {
        return tracking.revision;
      },
      location,
      close,
      find: lookups(indexes, tracking.handOut),
      peek: lookups(indexes, () => undefined),
      rows: (collection) => tracking.rows(collection),
      remove: (collection, records) => tracking.remove(collection, records as unknown as Row[]),
      keysChanged: (collection, records) =>
        records
          ? indexes.rekeyed(collection, records as unknown as Row[])
          : indexes.hooks.rebuilt(collection),
    };
  } catch (error) {
    closed = true;
    unlock();
    throw error;
  }
}

function lookups(
  indexes: ReturnType<typeof createIndexes>,
  handOut: (collection: string, rows: Row[]) => void,
): StoreLookups {
  const all = <T>(name: IndexName, key: string): T[] => {
    const rows = indexes.lookup(name, key);
    handOut(indexes.collectionOf(name), rows);
    return rows as T[];
  };
  const one = <T>(name: IndexName, key: string): T | undefined => all<T>(name, key)[0];
  const pair = (a: unknown, b: unknown) => JSON.stringify([a, b]);
  return {
    linkSession: (token) => one('sessionByToken', token),
    organisation: (id) => one('organisationById', id),
    organisationByKey: (key) => one('organisationByKey', key),
    noxUser: (id) => one('userById', id),
    noxUserOf: (org, user) => one('userBySupplierUser', pair(org, user)),
    devicesOf: (user) => all('devicesByUser', user),
    devicesOfAccount: (org, brand, account) => all('devicesByAccount', JSON.stringify([org, brand, account])),
    devicesOfOrganisation: (org) => all('devicesByOrganisation', org),
    devicesOfBrand: (brand) => all('devicesByBrand', brand),
    devicesWithId: (id) => all('devicesById', id),
    noxUsersOf: (org) => all('usersByOrganisation', org),
    settingsOf: (user, device) => one('settingsByUserDevice', pair(user, device)),
    everySettingsOf: (user) => all('settingsByUser', user),
    thermalSchedulesOf: (org, device) => all('thermalSchedulesByDevice', pair(org, device)),
    pvSchedulesOf: (org, device) => all('pvSchedulesByDevice', pair(org, device)),
    pvFlexControlsOf: (org) => all('pvFlexControlsByOrganisation', org),
    webhookDelivery: (id) => one('webhookDeliveryById', id),
    manufacturerLinkSession: (token) => one('manufacturerSessionByToken', token),
    manufacturerUser: (org, user) => one('manufacturerUserByAccount', pair(org, user)),
    manufacturerUsersOf: (user) => all('manufacturerUsersByNoxUser', user),
    supplierAuthSession: (state) => one('supplierAuthByState', state),
    supplierAuthSessionsOf: (brand, user) => all('supplierAuthByAccount', pair(brand, user)),
  };
}

/** What a database file and its logs hold, read without changing anything (for tests and tools). */
export function readDatabase(file: string): Db {
  const db = JSON.parse(readFileSync(file, 'utf8')) as Db;
  loadLogs(file, file, db);
  return db;
}

interface Loaded {
  ids: Map<string, number[]>;
  generation: number;
  /** The current log's good bytes, to keep appending to it; undefined when a new log must begin. */
  keepBytes?: number;
  /** A compaction was interrupted after renaming the log: fold everything in again before serving. */
  recover: boolean;
}

/** Replays `.log.old` (an interrupted compaction) and `.log` onto the snapshot, as far as it needs them. */
function loadLogs(file: string, location: string, db: Db): Loaded {
  const snapshot = db as Db & { log_generation?: number };
  let generation = snapshot.log_generation ?? 0;
  delete snapshot.log_generation;
  let ids = new Map<string, number[]>();
  const paths = logPaths(file);
  const read = (path: string) => {
    try {
      return readLog(path);
    } catch (error) {
      throw new StoreFileError(unreadableMessage(location, error));
    }
  };
  // Without a snapshot there is nothing for a log to apply to (the file was moved aside to start afresh).
  if (!existsSync(file)) return { ids, generation, recover: false };
  const old = read(paths.old);
  const recover = old !== null && old.generation === generation;
  if (old && recover) {
    replay(db, old.lines);
    generation++; // the compaction had begun the next log, whose ids are positions after the old one
  }
  const current = read(paths.current);
  let keepBytes: number | undefined;
  if (current && current.generation === generation) {
    ids = replay(db, current.lines);
    keepBytes = current.goodBytes;
  } else if (current && current.generation > generation) {
    throw new StoreFileError(
      unreadableMessage(location, new Error(`its log ${paths.current} is newer than the snapshot`)),
    );
  }
  return { ids, generation, keepBytes, recover };
}

async function startLog(
  file: string,
  adapter: Adapter<Db>,
  tracking: Tracking,
  loaded: Loaded,
  compactAfterBytes?: number,
) {
  const paths = logPaths(file);
  // A `.log.old` not needed any more: the compaction's snapshot was written, the old log is in it.
  if (!loaded.recover) rmSync(paths.old, { force: true });
  if (loaded.recover || !existsSync(file)) {
    // Fold everything into a snapshot of a later generation: every log on disk is then out of date.
    const generation = loaded.generation + 1;
    await adapter.write({ ...tracking.raw, log_generation: generation } as Db);
    rmSync(paths.old, { force: true });
    tracking.renumber();
    return createFileLog({
      file,
      snapshot: adapter as Adapter<unknown>,
      tracking,
      generation,
      compactAfterBytes,
    });
  }
  return createFileLog({
    file,
    snapshot: adapter as Adapter<unknown>,
    tracking,
    generation: loaded.generation,
    keepBytes: loaded.keepBytes,
    compactAfterBytes,
  });
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
function createGroupCommit(write: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;
  return () => {
    if (next) return next;
    const queued = inFlight
      .catch(() => undefined)
      .then(() => {
        next = null;
        inFlight = write();
        return inFlight;
      });
    next = queued;
    return queued;
  };
}
