import type { components as control } from '../../openapi/generated/nox-control.ts';
import type { components as data } from '../../openapi/generated/nox-data.ts';
import type { LinkSession, Organisation, Policies } from '../../openapi/wire-types.ts';

// The shape of the mock's database: the documents lowdb holds. The control API's documents keep the
// names openapi/wire-types.ts gives them, as the harness and contracts read them.
export type { LinkSession, Organisation, Policies, RouteFault } from '../../openapi/wire-types.ts';
export type OrganisationKind = 'supplier' | 'manufacturer';
export type AssetType = 'hp' | 'pv';
export type Language = 'nl' | 'en' | 'fr' | 'es';
export type ApiVersion = 'v1' | 'v2';

export type LoginProgress = NonNullable<LinkSession['login']>;

export type NoxUser = control['schemas']['NoxUser'];

export type Device = control['schemas']['Device'];

/** A manufacturer link session (v2, or the deprecated /manufacturers/suppliers), on the manufacturer's clock. */
export type ManufacturerLinkSession = control['schemas']['ManufacturerLinkSession'];

/** A manufacturer's user and its NOX user (device connections, the deprecated endpoints, flow 2). */
export type ManufacturerUser = control['schemas']['ManufacturerUser'];

/** From the choice of a supplier until the browser is back at NOX, on the supplier's clock. */
export type SupplierAuthSession = control['schemas']['SupplierAuthSession'];

export type RoomSettings = data['schemas']['RoomSettings'];

export type DhwSettings = data['schemas']['DHWSettings'];

export type OptimizationSettings = data['schemas']['OptimizationSettings'];

export type LocationSettings = data['schemas']['LocationSettings'];

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

/** One webhook event on its way to one receiver, with every attempt made so far. */
export type WebhookDelivery = control['schemas']['WebhookDelivery'];

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
  manufacturer_link_sessions: ManufacturerLinkSession[];
  manufacturer_users: ManufacturerUser[];
  supplier_auth_sessions: SupplierAuthSession[];
  webhook_deliveries: WebhookDelivery[];
}
