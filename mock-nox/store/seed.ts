// The state a fresh (or fully reset) mock starts from: the demo organisations and the default policies.
import type { Db, Organisation, Policies } from './schema.ts';

/**
 * The documented defaults (replace, separate-user, asset_type required) and lifetimes (v2 600 s, v1 900 s,
 * OAuth 900 s); the package NOX's API examples show (steerable_status and legionella_config included).
 */
export const defaultPolicies: Policies = {
  same_supplier_user: 'replace',
  same_account_other_user: 'separate-user',
  lifetime_v2_seconds: 600,
  lifetime_v1_seconds: 900,
  lifetime_supplier_oauth_seconds: 900,
  failure_redirects: true,
  webhook_echo_own_changes: false,
  webhook_signature_scheme: 'timestamp.body',
  webhook_timeout_ms: 15_000,
  default_device_page_size: 1000,
  missing_asset_type: 'reject',
  package: 'supplier-control',
};

export const DEMO_SUPPLIER_KEY = 'api_key_123';
export const DEMO_MANUFACTURER_KEY = 'mfr_api_key_123';

/** Loopback origins with any port: the demo supplier accepts them for local development. */
export const LOOPBACK_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

/** A fresh database: the docs' demo supplier and a demo manufacturer, nothing else. */
export function createSeedDb(): Db {
  const organisation = (o: Pick<Organisation, 'id' | 'kind' | 'name' | 'api_key' | 'redirect_urls'>) => ({
    brands: o.kind === 'manufacturer' ? ['daikin'] : [],
    ...o,
    oauth_login_url: null,
    webhook_url: null,
    webhook_events: null,
    policies: {},
    clock_offset_seconds: 0,
    brand_outages: [],
    route_faults: [],
    created_at: 0,
  });
  return {
    schema_version: 1,
    clock_offset_seconds: 0,
    policies: { ...defaultPolicies },
    organisations: [
      organisation({
        id: 'supplier_123',
        kind: 'supplier',
        name: 'Acme Energy',
        api_key: DEMO_SUPPLIER_KEY,
        redirect_urls: ['https://your-app.com/callback', ...LOOPBACK_ORIGINS],
      }),
      organisation({
        id: 'manufacturer_123',
        kind: 'manufacturer',
        name: 'Acme Manufacturing',
        api_key: DEMO_MANUFACTURER_KEY,
        redirect_urls: ['https://manufacturer-app.com/callback', ...LOOPBACK_ORIGINS],
      }),
    ],
    link_sessions: [],
    nox_users: [],
    devices: [],
    settings: [],
    thermal_schedules: [],
    pv_schedules: [],
    pv_flex_controls: [],
    manufacturer_link_sessions: [],
    manufacturer_users: [],
    supplier_auth_sessions: [],
    webhook_deliveries: [],
  };
}
