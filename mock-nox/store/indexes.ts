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
  devicesByOrganisation: { collection: 'devices', keyOf: (r) => String(r.organisation_id) },
  devicesByBrand: { collection: 'devices', keyOf: (r) => String(r.brand) },
  devicesById: { collection: 'devices', keyOf: (r) => String(r.device_id) },
  usersByOrganisation: { collection: 'nox_users', keyOf: (r) => String(r.organisation_id) },
  settingsByUser: { collection: 'settings', keyOf: (r) => String(r.nox_user_id) },
  settingsByUserDevice: {
    collection: 'settings',
    keyOf: (r) => JSON.stringify([r.nox_user_id, r.device_id]),
  },
  thermalSchedulesByDevice: {
    collection: 'thermal_schedules',
    keyOf: (r) => JSON.stringify([r.organisation_id, r.device_id]),
  },
  pvSchedulesByDevice: {
    collection: 'pv_schedules',
    keyOf: (r) => JSON.stringify([r.organisation_id, r.device_id]),
  },
  pvFlexControlsByOrganisation: { collection: 'pv_flex_controls', keyOf: (r) => String(r.organisation_id) },
  webhookDeliveryById: { collection: 'webhook_deliveries', keyOf: (r) => String(r.id) },
  manufacturerSessionByToken: { collection: 'manufacturer_link_sessions', keyOf: (r) => String(r.token) },
  manufacturerUserByAccount: {
    collection: 'manufacturer_users',
    keyOf: (r) => JSON.stringify([r.organisation_id, r.manufacturer_user_id]),
  },
  manufacturerUsersByNoxUser: { collection: 'manufacturer_users', keyOf: (r) => String(r.nox_user_id) },
  supplierAuthByState: { collection: 'supplier_auth_sessions', keyOf: (r) => String(r.state) },
  supplierAuthByAccount: {
    collection: 'supplier_auth_sessions',
    keyOf: (r) => JSON.stringify([r.brand, r.manufacturer_user_id]),
  },
} satisfies Record<string, IndexSpec>;

export type IndexName = keyof typeof specs;

/**
 * Multi-maps from key to rows, built on first use and kept up to date on insert and removal; a change
 * the store cannot follow (a list replaced, reordered) drops them to be rebuilt. A hit is checked
 * against the row's current key, so a key changed in place is never found under its old value; code
 * that changes an indexed field in place calls `keysChanged` so the new value is found too (with the
 * rows it changed they are filed under their new keys, without a rebuild; the old entries are left to
 * the check). A key's rows
 * are a Set (insertion order is list order, as rows are appended), so a removal does not scan them.
 */
export function createIndexes(rowsOf: (collection: Collection) => Row[]) {
  const maps = new Map<IndexName, Map<string, Set<Row>>>();
  const names = Object.keys(specs) as IndexName[];
  const byCollection = new Map<string, IndexName[]>();
  for (const name of names) {
    const { collection } = specs[name];
    byCollection.set(collection, [...(byCollection.get(collection) ?? []), name]);
  }
  const of = (collection: string) => byCollection.get(collection) ?? [];

  function build(name: IndexName): Map<string, Set<Row>> {
    const { collection, keyOf } = specs[name];
    const map = new Map<string, Set<Row>>();
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
        const rows = map?.get(key);
        rows?.delete(row);
        if (rows?.size === 0) map?.delete(key);
      }
    },
    rebuilt(collection) {
      for (const name of of(collection)) maps.delete(name);
    },
  };

  return {
    hooks,
    /** Files rows whose indexed fields changed in place under their current keys. */
    rekeyed(collection: string, rows: readonly Row[]) {
      for (const row of rows) hooks.inserted(collection, row);
    },
    /** The rows whose key is `key`, in list order. */
    lookup(name: IndexName, key: string): Row[] {
      const hits = (maps.get(name) ?? build(name)).get(key);
      if (!hits) return [];
      const keyOf = specs[name].keyOf;
      const rows: Row[] = [];
      for (const row of hits) if (keyOf(row) === key) rows.push(row);
      return rows;
    },
    collectionOf: (name: IndexName) => specs[name].collection,
  };
}

function add(map: Map<string, Set<Row>>, key: string, row: Row) {
  const rows = map.get(key);
  if (rows) rows.add(row);
  else map.set(key, new Set([row]));
}
