// The shape of the mock's database and the state a fresh (or fully reset) mock starts from.
export type OrganisationKind = 'supplier' | 'manufacturer';
export type AssetType = 'hp' | 'pv';
export type Language = 'nl' | 'en' | 'fr' | 'es';
export type ApiVersion = 'v1' | 'v2';

/** The rules that decide relinking, session lifetimes and how failures reach the supplier. */
export interface Policies {
  /** The same supplier user id links again. */
  same_supplier_user: 'replace' | 'merge' | 'reject';
  /** The same manufacturer account is linked under a second supplier user id. */
  same_account_other_user: 'separate-user' | 'reject';
  lifetime_v2_seconds: number;
  lifetime_v1_seconds: number;
  lifetime_supplier_oauth_seconds: number;
  /** Send the browser back to the supplier with `error=` on failure (true) or only show NOX's page (false). */
  failure_redirects: boolean;
}

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  api_key: string;
  redirect_urls: string[];
  oauth_login_url: string | null;
  webhook_url: string | null;
  /** A manufacturer's brands (slugs): the devices of these brands are its devices. */
  brands: string[];
  /** Overrides of the global policies for this organisation only. */
  policies: Partial<Policies>;
  clock_offset_seconds: number;
  brand_outages: string[];
  route_faults: RouteFault[];
  created_at: number;
}

/** A simulated failure of a NOX API route for one organisation's calls. */
export interface RouteFault {
  method: string;
  path: string;
  status?: number;
  latency_ms?: number;
  /** Calls left; undefined = every call until the faults change. */
  times?: number;
}

export interface LoginProgress {
  brand: string;
  username: string;
  failed_password_attempts: number;
  awaiting_otp: boolean;
}

export interface LinkSession {
  token: string;
  organisation_id: string;
  api_version: ApiVersion;
  supplier_user_id: string;
  redirect_url: string;
  language: Language;
  asset_type: AssetType;
  /** True when the supplier sent no asset_type and the mock assumed hp. */
  asset_type_defaulted: boolean;
  brand: string | null;
  created_at: number;
  expires_at: number;
  completed_at: number | null;
  status: 'pending' | 'connected' | 'failed';
  error: string | null;
  login: LoginProgress | null;
  nox_user_id: string | null;
  device_ids: string[];
}

export interface NoxUser {
  id: string;
  organisation_id: string;
  supplier_user_id: string;
  created_at: number;
}

export interface Device {
  device_id: string;
  nox_user_id: string;
  organisation_id: string;
  brand: string;
  asset_type: AssetType;
  /** The manufacturer account (login username, lower-cased) the device belongs to. */
  account: string;
  connected_at: number;
}

export interface RoomSettings {
  temperature_lower_bound?: number;
  temperature_upper_bound?: number;
  preferred_temperature?: number;
  schedule_enabled?: boolean;
  temperature_control_mode?: 'auto' | 'heating' | 'cooling' | 'off';
}

export interface DhwSettings {
  temperature_lower_bound?: number;
  temperature_upper_bound?: number;
}

export interface OptimizationSettings {
  pv_self_consumption?: boolean;
  dynamic_tariff?: boolean;
  flex_trading?: boolean;
}

export interface LocationSettings {
  country?: string;
  postal_code?: string;
}

/** Settings of a NOX user (device_id null) or of one device; shared by every party that sees the user. */
export interface SettingsRecord {
  nox_user_id: string;
  device_id: string | null;
  room: RoomSettings;
  dhw: DhwSettings;
  optimization_settings: OptimizationSettings;
  location: LocationSettings;
  /** Virtual unix seconds of the last change. */
  updated_at: number;
}

/** A supplier's 24-hour heat pump schedule: one activation level per quarter-hour. */
export interface ThermalSchedule {
  organisation_id: string;
  device_id: string;
  start: number;
  tank: number[];
  house: number[];
  received_at: number;
}

/** A window in which a PV device's production is switched off. */
export interface PvSchedule {
  organisation_id: string;
  device_id: string;
  start: number;
  end: number;
  received_at: number;
}

/** A curtailment of all a supplier's PV devices, as the flex logs show it. */
export interface PvFlexControl {
  organisation_id: string;
  at: number;
  target_kw: number | null;
  target_percentage: number | null;
  end: number | null;
  brand_filter: string[];
  device_count: number;
}

export interface Db {
  schema_version: 1;
  clock_offset_seconds: number;
  policies: Policies;
  organisations: Organisation[];
  link_sessions: LinkSession[];
  nox_users: NoxUser[];
  devices: Device[];
  settings: SettingsRecord[];
  thermal_schedules: ThermalSchedule[];
  pv_schedules: PvSchedule[];
  pv_flex_controls: PvFlexControl[];
}

/** The documented defaults (replace, separate-user) and lifetimes (v2 600 s, v1 900 s, OAuth 900 s). */
export const defaultPolicies: Policies = {
  same_supplier_user: 'replace',
  same_account_other_user: 'separate-user',
  lifetime_v2_seconds: 600,
  lifetime_v1_seconds: 900,
  lifetime_supplier_oauth_seconds: 900,
  failure_redirects: true,
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
  };
}
