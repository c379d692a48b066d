/** An asset type NOX links: a heat pump or solar panels. */
export type AssetType = 'hp' | 'pv';

/** A link session this app started and not yet seen come back. */
export interface PendingLink {
  link_token: string;
  asset_type: AssetType;
  created_at: number;
  expires_at: number;
}

/** What the app keeps of a customer's NOX connection (the callback's data plus what it fetched). */
export interface NoxConnection {
  nox_user_id: string;
  brand: string;
  asset_type: AssetType;
  device_ids: string[];
  connected_at: number;
  /** The device ids NOX's data API returned right after the callback. */
  devices_fetched: string[];
}

/** The app's state. In memory: a demo, restarting forgets everything. */
export interface SupplierStore {
  sessions: Map<string, string>;
  pendingLinks: Map<string, PendingLink>;
  connections: Map<string, NoxConnection>;
}

export function createSupplierStore(): SupplierStore {
  return { sessions: new Map(), pendingLinks: new Map(), connections: new Map() };
}
