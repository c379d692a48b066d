import type { EffectiveSettings } from './settings-rules.ts';

export const SETTINGS_GROUPS = ['room', 'dhw', 'optimization_settings', 'location'] as const;
export type SettingsGroup = (typeof SETTINGS_GROUPS)[number];
export type SettingValue = boolean | number | string | null;

/** The settings of one level (the user level, or one heat pump's settings in force). */
export type SettingsLevel = Pick<EffectiveSettings, SettingsGroup>;

/** One attribute a settings change altered: a webhook event before it has receivers. */
export interface SettingChange {
  /** The event type, e.g. `device.settings.room.temperature_upper_bound.updated`. */
  type: string;
  /** Null for a user-level setting. */
  device_id: string | null;
  value: SettingValue;
  previous_value: SettingValue;
}

/**
 * The attributes that differ between two states of one level, group by group in the API's order.
 * A field set to the value it already had is no change (and no event).
 */
export function changedAttributes(
  deviceId: string | null,
  before: SettingsLevel,
  after: SettingsLevel,
): SettingChange[] {
  const scope = deviceId === null ? 'user' : 'device';
  return SETTINGS_GROUPS.flatMap((group) => {
    const old = before[group] as Record<string, SettingValue | undefined>;
    const now = after[group] as Record<string, SettingValue | undefined>;
    const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])];
    return fields
      .filter((field) => (old[field] ?? null) !== (now[field] ?? null))
      .map((field) => ({
        type: `${scope}.settings.${group}.${field}.updated`,
        device_id: deviceId,
        value: now[field] ?? null,
        previous_value: old[field] ?? null,
      }));
  });
}

/**
 * NOX's documented `device.steerable_status.being_steered.updated`, for every heat pump whose steering
 * (flex_trading in force; steering_enabled on the deprecated endpoint) was switched on or off.
 */
export function steeringChanges(before: EffectiveSettings[], after: EffectiveSettings[]): SettingChange[] {
  return after.flatMap((pump) => {
    const was = before.find((b) => b.device_id === pump.device_id)?.optimization_settings.flex_trading;
    const is = pump.optimization_settings.flex_trading;
    return was === undefined || was === is
      ? []
      : [
          {
            type: 'device.steerable_status.being_steered.updated',
            device_id: pump.device_id,
            value: is,
            previous_value: was,
          },
        ];
  });
}
