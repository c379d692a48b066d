import type { Db } from './schema.ts';

/** The names of the database's lists of records. */
export type Collection = { [K in keyof Db]: Db[K] extends unknown[] ? K : never }[keyof Db];
export type Row = Record<string, unknown>;

/** One group commit's changes, as one line of the log: scalars, changed rows, removals, new orders. */
export interface LogLine {
  /** The documents that are not lists (schema version, clock offset, policies), whole. */
  s: Record<string, unknown>;
  /** Rows inserted or changed: [collection, row id, row]. */
  u: [string, number, Row][];
  /** Rows removed: [collection, row id]. */
  d?: [string, number][];
  /** Collections whose order changed (a list replaced, sorted, spliced): [collection, ids in order]. */
  o?: [string, number[]][];
}

/** Told when a collection gains a row, loses one, or changes in a way only a rebuild follows. */
export interface IndexHooks {
  inserted(collection: string, row: Row): void;
  removed(collection: string, row: Row): void;
  rebuilt(collection: string): void;
}

/**
 * Change tracking without a deep Proxy: each list of records is behind a Proxy whose only work is on
 * element access. A row read through a list is handed out, so it counts as changed (the reader may
 * change it, at any depth, and nested objects need no proxies); a row set at the end is an insert;
 * anything else that moves rows (a list replaced by a filtered copy, splice, sort) logs the new order.
 * Rows carry a per-store id (a WeakMap: nothing is added to the documents), the snapshot's position
 * at load. Code that reads many rows without changing them uses `rows()`, which hands out nothing.
 */
export function createTracking(
  raw: Db,
  hooks: IndexHooks,
  options: { logged: boolean; ids?: Map<string, number[]> },
) {
  const loadedIds = options.ids;
  const ids = new WeakMap<object, number>();
  const nextId = new Map<string, number>();
  const changed = new Map<string, Set<Row>>();
  const removedIds: [string, number][] = [];
  const reordered = new Set<string>();
  const proxies = new Map<string, { target: unknown[]; proxy: unknown[] }>();
  const rawOf = new WeakMap<object, unknown[]>();
  let lastScalars = '';
  // Counts rows handed out, set, moved or removed, in every mode: an unchanged count means nothing to commit.
  let revision = 0;

  const idOf = (collection: string, row: Row): number => {
    let id = ids.get(row);
    if (id === undefined) {
      id = nextId.get(collection) ?? 0;
      nextId.set(collection, id + 1);
      ids.set(row, id);
    }
    return id;
  };
  // Without a log (memory, a whole-file adapter) nothing reads the changed rows: do not keep them.
  const mark = (collection: string, row: Row) => {
    revision++;
    if (!options.logged) return;
    const rows = changed.get(collection);
    if (rows) rows.add(row);
    else changed.set(collection, new Set([row]));
  };
  const structureChanged = (collection: string) => {
    revision++;
    reordered.add(collection);
    hooks.rebuilt(collection);
  };

  function number(collection: string, rows: unknown[], given?: number[]) {
    let next = 0;
    rows.forEach((row, i) => {
      const id = given?.[i] ?? i;
      ids.set(row as Row, id);
      next = Math.max(next, id + 1);
    });
    nextId.set(collection, next);
  }
  for (const [key, value] of Object.entries(raw)) {
    if (Array.isArray(value)) number(key, value, loadedIds?.get(key));
  }

  const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null;

  function listProxy(collection: string, target: unknown[]): unknown[] {
    const proxy = new Proxy(target, {
      get(list, prop) {
        const value = (list as unknown as Record<string | symbol, unknown>)[prop];
        if (isRow(value) && typeof prop === 'string') mark(collection, value);
        return value;
      },
      set(list, prop, value) {
        const row = isRow(value) ? ((rawOf.get(value) as unknown as Row) ?? value) : value;
        if (prop === 'length') {
          if ((value as number) < list.length) structureChanged(collection);
        } else if (typeof prop === 'string' && isRow(row)) {
          const appended = Number(prop) === list.length && !ids.has(row);
          if (appended) idOf(collection, row);
          else if (list[Number(prop)] !== row) structureChanged(collection);
          mark(collection, row);
          (list as unknown as Record<string, unknown>)[prop] = row;
          if (appended) hooks.inserted(collection, row);
          return true;
        }
        (list as unknown as Record<string | symbol, unknown>)[prop] = row;
        return true;
      },
      deleteProperty(list, prop) {
        structureChanged(collection);
        return delete (list as unknown as Record<string | symbol, unknown>)[prop];
      },
    });
    rawOf.set(proxy, target);
    return proxy;
  }

  const data = new Proxy(raw as unknown as Record<string, unknown>, {
    get(target, key) {
      const value = target[key as string];
      if (typeof key !== 'string' || !Array.isArray(value)) return value;
      const cached = proxies.get(key);
      if (cached?.target === value) return cached.proxy;
      const proxy = listProxy(key, value);
      proxies.set(key, { target: value, proxy });
      return proxy;
    },
    set(target, key, value) {
      if (typeof key !== 'string' || !Array.isArray(value)) {
        revision++;
        target[key as string] = value;
        return true;
      }
      const list = rawOf.get(value) ?? value;
      target[key] = list;
      for (const row of list) {
        if (isRow(row) && !ids.has(row)) {
          idOf(key, row);
          mark(key, row);
        }
      }
      structureChanged(key);
      return true;
    },
  }) as unknown as Db;

  return {
    /** The database as domain code reads and changes it. */
    data,
    /** Grows with every change and every row handed out (see `Store.revision`). */
    get revision() {
      return revision;
    },
    /** The same documents untracked, for writing the snapshot. */
    raw,
    /** The collection's rows, untracked: for reads that change nothing (a change made through it is not logged). */
    rows: <C extends Collection>(collection: C) => raw[collection] as Db[C],
    /** Hands out rows found without going through the list (an index): they count as changed. */
    handOut(collection: string, rows: Row[]) {
      for (const row of rows) mark(collection, row);
    },
    /** Removes rows from a collection without rewriting its order (one pass over it, however many go). */
    remove(collection: Collection, rows: readonly Row[]) {
      const list = raw[collection] as unknown as Row[];
      const gone = (row: Row) => {
        revision++;
        changed.get(collection)?.delete(row);
        const id = ids.get(row);
        if (id !== undefined && options.logged) removedIds.push([collection, id]);
        hooks.removed(collection, row);
      };
      if (rows.length <= 1) {
        for (const row of rows) {
          const at = list.lastIndexOf(row);
          if (at < 0) continue;
          list.splice(at, 1);
          gone(row);
        }
        return;
      }
      const leaving = new Set(rows);
      let kept = 0;
      for (const row of list) {
        if (leaving.has(row)) gone(row);
        else list[kept++] = row;
      }
      list.length = kept;
    },
    /** Every change since the last call, as one log line (serialised now, so later changes are not in it). */
    takeLine(): string | null {
      const s = Object.fromEntries(Object.entries(raw).filter(([, v]) => !Array.isArray(v)));
      const scalars = JSON.stringify(s);
      if (changed.size === 0 && removedIds.length === 0 && reordered.size === 0 && scalars === lastScalars)
        return null;
      lastScalars = scalars;
      const u: LogLine['u'] = [];
      for (const [collection, rows] of changed)
        for (const row of rows) u.push([collection, idOf(collection, row), row]);
      const o: LogLine['o'] = [...reordered].map((c) => [
        c,
        (raw[c as Collection] as unknown as Row[]).map((row) => idOf(c, row)),
      ]);
      const line: LogLine = { s, u };
      if (removedIds.length > 0) line.d = removedIds.splice(0);
      if (o.length > 0) line.o = o;
      changed.clear();
      reordered.clear();
      return `${JSON.stringify(line)}\n`;
    },
    /** After a compaction the snapshot is the base again: ids become positions in it. */
    renumber() {
      removedIds.length = 0;
      for (const [key, value] of Object.entries(raw)) if (Array.isArray(value)) number(key, value);
    },
  };
}

export type Tracking = ReturnType<typeof createTracking>;
