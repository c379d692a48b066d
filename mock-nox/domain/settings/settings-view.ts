import type { components } from '../../../openapi/generated/nox-data.ts';
import type { EffectiveSettings } from './settings-rules.ts';

export type DeviceSettingsView = components['schemas']['DevicesGetSettingsRequest'];

/** A heat pump's settings in force as GET /v1/devices/settings shows them (updated_at with microseconds). */
export function settingsView(settings: EffectiveSettings): DeviceSettingsView {
  const { device_id, room, dhw, optimization_settings, updated_at } = settings;
  const iso = new Date(updated_at * 1000).toISOString().slice(0, 19);
  return { device_id, room, dhw, optimization_settings, updated_at: `${iso}.000000+00:00` };
}
