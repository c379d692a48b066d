import type { Collection, IndexHooks, Row } from './tracked-data.ts';

interface IndexSpec {
  collection: Collection;
  keyOf: (row: Row) => string;
}

/** The lookups the mock makes on every request, by key instead of by scanning a list. */
const specs = {
  sessionByToken: { collection: 'link_sessions', keyOf: (r) => String(r.token) },
  organisationByKey: { collection: 'organisations', keyOf: (r) => String(r.api_key) },
  organisationById: { collection: 'organisations', keyOf: (r) => String(r.id) },
  userById: { collection: 'nox_users', keyOf: (r) => String(r.id) },
  userBySupplierUser: {
    collection: 'nox_users',
    keyOf: (r) => JSON.stringify([r.organisation_id, r.supplier_user_id]),
  },
  devicesByUser: { collection: 'devices', keyOf: (r) => String(r.nox_user_id) },
  devicesByAccount: {
    collection: 'devices',
    keyOf: (r) => JSON.stringify([r.organisation_id, r.brand, r.account]),
  },
} satisfies Record<string, IndexSpec>;

export type IndexName = keyof typeof specs;

/**
 * Multi-maps from key to rows, built on first use and kept up to date on insert and removal; a change
 * the store cannot follow (a list replaced, reordered) drops them to be rebuilt. A hit is checked
 * against the row's current key, so a key changed in place is never found under its old value; code
 * that changes an indexed field in place calls `keysChanged` so the new value is found too.
 */
export function createIndexes(rowsOf: (collection: Collection) => Row[]) {
  const maps = new Map<IndexName, Map<string, Row[]>>();
  const names = Object.keys(specs) as IndexName[];
  const of = (collection: string) => names.filter((name) => specs[name].collection === collection);

  function build(name: IndexName): Map<string, Row[]> {
    const { collection, keyOf } = specs[name];
    const map = new Map<string, Row[]>();
    for (const row of rowsOf(collection)) add(map, keyOf(row), row);
    maps.set(name, map);
    return map;
  }

  const hooks: IndexHooks = {
    inserted(collection, row) {
      for (const name of of(collection)) {
        const map = maps.get(name);
        if (map) add(map, specs[name].keyOf(row), row);
      }
    },
    removed(collection, row) {
      for (const name of of(collection)) {
        const map = maps.get(name);
        const key = specs[name].keyOf(row);
        const rows = map?.get(key)?.filter((r) => r !== row);
        if (rows?.length) map?.set(key, rows);
        else map?.delete(key);
      }
    },
    rebuilt(collection) {
      for (const name of of(collection)) maps.delete(name);
    },
  };

  return {
    hooks,
    /** The rows whose key is `key`, in list order. */
    lookup(name: IndexName, key: string): Row[] {
      const hits = (maps.get(name) ?? build(name)).get(key) ?? [];
      return hits.filter((row) => specs[name].keyOf(row) === key);
    },
    /** The collection's index (and its key function) for a key built the same way. */
    keyOf: (name: IndexName, row: Row) => specs[name].keyOf(row),
    collectionOf: (name: IndexName) => specs[name].collection,
  };
}

function add(map: Map<string, Row[]>, key: string, row: Row) {
  const rows = map.get(key);
  if (rows) rows.push(row);
  else map.set(key, [row]);
}
