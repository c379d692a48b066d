import type { JournalEntry } from '../openapi/wire-types.ts';

type AssetType = 'hp' | 'pv';

/**
 * The data API's lists with one row per device of the customer, and the asset type each lists: their
 * answer says how many devices of that type the customer had when the call was recorded.
 */
const deviceLists: Record<string, AssetType> = {
  '/v1/devices': 'hp',
  '/v1/devices/pv': 'pv',
  '/v1/devices/settings': 'hp',
};

/**
 * The params of the linked-customer state, derived from what the exchange recorded, so that the state sets
 * up a customer for whom NOX answers what was recorded: a device list's answer gives the asset type it lists
 * and its row count (0 for an empty list: the mock then links a customer with one device of the other type
 * and none of this one); any other call gets one device of the type its path is about (`/pv` paths: an
 * inverter, else a heat pump). A first page that named a next page has as many devices as it showed, and
 * its cursor is left out of the pact (recorded-interaction.ts).
 */
export function linkedCustomerParams(entry: JournalEntry): { count: number; asset_type: AssetType } {
  const { path } = entry.request;
  const listed = deviceLists[path];
  const data = (entry.response.body as { data?: unknown } | null)?.data;
  if (listed && entry.response.status === 200 && Array.isArray(data))
    return { count: data.length, asset_type: listed };
  return { count: 1, asset_type: /\/pv(\/|$)/.test(path) ? 'pv' : 'hp' };
}

/** Whether the exchange answered a list with nothing in it: a shape of its own in the pact. */
export function answeredEmptyList(entry: JournalEntry): boolean {
  const data = (entry.response.body as { data?: unknown } | null)?.data;
  return entry.response.status === 200 && Array.isArray(data) && data.length === 0;
}
