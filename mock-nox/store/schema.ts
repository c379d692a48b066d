// The shape of the mock's database: the documents lowdb holds.
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
