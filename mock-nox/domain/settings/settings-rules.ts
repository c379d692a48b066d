import { errors } from '../../errors/error-templates.ts';
import type {
  Device,
  DhwSettings,
  LocationSettings,
  OptimizationSettings,
  RoomSettings,
  SettingsRecord,
} from '../../store/schema.ts';
import type { MockContext } from '../mock-context.ts';
import { checkDhwBounds } from './dhw-bounds.ts';

/** A device's settings in force: device level over user level over these defaults. */
export interface EffectiveSettings {
  device_id: string;
  room: Required<RoomSettings>;
  dhw: Required<DhwSettings>;
  optimization_settings: Required<OptimizationSettings>;
  location: LocationSettings;
  updated_at: number;
}

export interface SettingsPatch {
  room?: RoomSettings;
  dhw?: DhwSettings;
  optimization_settings?: OptimizationSettings;
  location?: LocationSettings;
}

/** Modelled defaults of a freshly linked heat pump (NOX does not publish them). */
const defaults = {
  room: {
    temperature_lower_bound: 1.5,
    temperature_upper_bound: 1.5,
    preferred_temperature: 21,
    schedule_enabled: false,
    temperature_control_mode: 'auto',
  },
  // Upper first: the key order of NOX's examples (settings and manufacturer devices), which every read keeps.
  dhw: { temperature_upper_bound: 55, temperature_lower_bound: 45 },
  optimization_settings: { pv_self_consumption: false, dynamic_tariff: false, flex_trading: false },
} as const;

/** Below this DHW lower bound NOX warns of legionella (allowed, "only during vacations"). */
export const DHW_LEGIONELLA_BOUND = 40;

/** The stored settings at one level, for reading: a record to change is taken with `store.find`. */
function record(ctx: MockContext, userId: string, deviceId: string | null): SettingsRecord | undefined {
  return ctx.store.peek.settingsOf(userId, deviceId);
}

/** The user level in force (over the defaults): what a heat pump without device-level settings gets. */
export function userLevelSettings(ctx: MockContext, userId: string): Omit<EffectiveSettings, 'device_id'> {
  const own = record(ctx, userId, null);
  return {
    room: { ...defaults.room, ...own?.room },
    dhw: { ...defaults.dhw, ...own?.dhw },
    optimization_settings: { ...defaults.optimization_settings, ...own?.optimization_settings },
    location: { ...own?.location },
    updated_at: own?.updated_at ?? 0,
  };
}

export function effectiveSettings(ctx: MockContext, device: Device): EffectiveSettings {
  const layers = [
    record(ctx, device.nox_user_id, null),
    record(ctx, device.nox_user_id, device.device_id),
  ].filter((r): r is SettingsRecord => r !== undefined);
  const merged = <K extends 'room' | 'dhw' | 'optimization_settings' | 'location'>(key: K) =>
    Object.assign(
      {},
      key === 'location' ? {} : defaults[key as Exclude<K, 'location'>],
      ...layers.map((l) => l[key]),
    );
  return {
    device_id: device.device_id,
    room: merged('room'),
    dhw: merged('dhw'),
    optimization_settings: merged('optimization_settings'),
    location: merged('location'),
    updated_at: Math.max(device.connected_at, ...layers.map((l) => l.updated_at)),
  };
}

/**
 * Applies a PATCH at user level (deviceId null) or device level. The optimisations are written as a whole
 * at that level so flex_trading stays exclusive of the others: a user-level patch is merged with the user
 * level (over the defaults), a device-level one with the device's settings in force. Returns warnings
 * for the response header.
 */
export function applySettingsPatch(
  ctx: MockContext,
  userId: string,
  deviceId: string | null,
  patch: SettingsPatch,
  now: number,
): string[] {
  const opt = patch.optimization_settings;
  if (opt?.flex_trading && (opt.pv_self_consumption || opt.dynamic_tariff)) {
    throw errors.invalid(
      ['body', 'optimization_settings'],
      'flex_trading is mutually exclusive with pv_self_consumption and dynamic_tariff: enable it alone, or enable the others without it',
    );
  }
  const reached = ctx.store.peek
    .devicesOf(userId)
    .filter((d) => d.asset_type === 'hp' && (deviceId === null || d.device_id === deviceId));
  checkDhwBounds(
    { ...defaults.dhw, ...record(ctx, userId, null)?.dhw },
    reached.map((d) => ({ device_id: d.device_id, own: record(ctx, userId, d.device_id)?.dhw ?? {} })),
    deviceId !== null,
    patch.dhw ?? {},
  );
  const device = ctx.store.peek.devicesOf(userId).find((d) => d.device_id === deviceId);
  const current: OptimizationSettings = device
    ? effectiveSettings(ctx, device).optimization_settings
    : { ...defaults.optimization_settings, ...record(ctx, userId, null)?.optimization_settings };
  const target = ctx.store.find.settingsOf(userId, deviceId) ?? newRecord(ctx, userId, deviceId);
  Object.assign(target.room, patch.room);
  Object.assign(target.dhw, patch.dhw);
  Object.assign(target.location, patch.location);
  if (opt) target.optimization_settings = exclusive({ ...current, ...opt }, opt);
  target.updated_at = now;
  const low = patch.dhw?.temperature_lower_bound;
  // ASCII only ("degrees C", no °): the warning goes out as an HTTP header, where other bytes are not safe.
  return low !== undefined && low < DHW_LEGIONELLA_BOUND
    ? [
        `dhw.temperature_lower_bound ${low} is below ${DHW_LEGIONELLA_BOUND} degrees C: legionella risk, NOX recommends it only during vacations`,
      ]
    : [];
}

function exclusive(
  merged: OptimizationSettings,
  requested: OptimizationSettings,
): Required<OptimizationSettings> {
  const all = { pv_self_consumption: false, dynamic_tariff: false, flex_trading: false, ...merged };
  if (requested.flex_trading)
    return { pv_self_consumption: false, dynamic_tariff: false, flex_trading: true };
  if (requested.pv_self_consumption || requested.dynamic_tariff) return { ...all, flex_trading: false };
  return all;
}

function newRecord(ctx: MockContext, userId: string, deviceId: string | null): SettingsRecord {
  const created: SettingsRecord = {
    nox_user_id: userId,
    device_id: deviceId,
    room: {},
    dhw: {},
    optimization_settings: {},
    location: {},
    updated_at: 0,
  };
  ctx.store.data.settings.push(created);
  return created;
}
