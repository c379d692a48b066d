import type { AssetType, DeviceSettings } from './nox-client.ts';

/** A link session this app started and not yet seen come back. */
export interface PendingLink {
  link_token: string;
  asset_type: AssetType;
  created_at: number;
  expires_at: number;
}

/** How the customer was linked: from this app (a link session) or from the manufacturer's or NOX's app. */
export type LinkedVia = 'link-session' | 'manufacturer-app';

/** What the app keeps of a customer's NOX connection (the callback's data plus what it fetched). */
export interface NoxConnection {
  nox_user_id: string;
  brand: string;
  asset_type: AssetType;
  device_ids: string[];
  connected_at: number;
  /** The device ids NOX's data API returned right after the callback. */
  devices_fetched: string[];
  linked_via: LinkedVia;
}

/** The app's state. In memory: a demo, restarting forgets everything. */
export interface SupplierStore {
  sessions: Map<string, string>;
  /** Every customer who ever logged in (the read-back tells them from strangers). */
  customers: Set<string>;
  /** The customer who logged in last, on any browser (only the post-other-customer flaw reads it). */
  lastLoggedIn: string | null;
  pendingLinks: Map<string, PendingLink>;
  connections: Map<string, NoxConnection>;
  /**
   * The app's own copy of each customer's heat-pump settings: what its pages show. Kept up to date by its
   * own saves and by NOX's settings webhooks, so a page does not depend on NOX answering.
   */
  settings: Map<string, DeviceSettings[]>;
  /** The settings as read at link time, kept apart (only the stale-settings-page flaw shows them). */
  settingsAtLink: Map<string, DeviceSettings[]>;
  /** X-Webhook-Ids processed to the end: a delivery seen again is acknowledged and not acted on. */
  processedWebhooks: Set<string>;
  /** Per customer, the X-Webhook-Id of each delivery acted on, once per time (the read-back shows them). */
  webhookIds: Map<string, string[]>;
  /** Customers whose next webhook delivery answers 503 (the test-only route, as if the database were down). */
  failNextWebhook: Set<string>;
}

export function createSupplierStore(): SupplierStore {
  return {
    sessions: new Map(),
    customers: new Set(),
    lastLoggedIn: null,
    pendingLinks: new Map(),
    connections: new Map(),
    settings: new Map(),
    settingsAtLink: new Map(),
    processedWebhooks: new Set(),
    webhookIds: new Map(),
    failNextWebhook: new Set(),
  };
}
