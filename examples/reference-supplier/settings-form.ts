import type { DeviceSettings, SettingsPatch } from './nox-client.ts';

export const optimizationChoices = ['none', 'pv_self_consumption', 'dynamic_tariff', 'flex_trading'] as const;
export type OptimizationChoice = (typeof optimizationChoices)[number];

/** The settings form's fields, as strings the way a browser posts them. */
export interface SettingsForm {
  preferred_temperature: string;
  dhw_lower: string;
  dhw_upper: string;
  optimization: string;
}

/** The form filled from a heat pump's settings in force. */
export function formFromSettings(settings: DeviceSettings): SettingsForm {
  const opt = settings.optimization_settings;
  const optimization = optimizationChoices.find((c) => c !== 'none' && opt[c]) ?? 'none';
  return {
    preferred_temperature: String(settings.room.preferred_temperature ?? ''),
    dhw_lower: String(settings.dhw.temperature_lower_bound ?? ''),
    dhw_upper: String(settings.dhw.temperature_upper_bound ?? ''),
    optimization,
  };
}

/** The form as read from a request body; missing fields are empty strings. */
export function readSettingsForm(body: Record<string, unknown> | undefined): SettingsForm {
  const field = (name: string) => (typeof body?.[name] === 'string' ? (body[name] as string).trim() : '');
  return {
    preferred_temperature: field('preferred_temperature'),
    dhw_lower: field('dhw_lower'),
    dhw_upper: field('dhw_upper'),
    optimization: field('optimization'),
  };
}

/**
 * The PATCH body for NOX, or what the customer must fix first. Range rules (DHW lower above upper, …) are
 * left to NOX, whose 422 messages the page shows.
 */
export function patchFromForm(
  userId: string,
  form: SettingsForm,
): { patch: SettingsPatch } | { errors: string[] } {
  const errors: string[] = [];
  const number = (value: string, label: string) => {
    const n = Number(value);
    if (value === '' || !Number.isFinite(n)) errors.push(`${label} must be a number.`);
    return n;
  };
  const preferred = number(form.preferred_temperature, 'The preferred room temperature');
  const lower = number(form.dhw_lower, 'The lowest hot-water temperature');
  const upper = number(form.dhw_upper, 'The highest hot-water temperature');
  const choice = optimizationChoices.find((c) => c === form.optimization);
  if (!choice) errors.push(`Choose an optimisation: ${optimizationChoices.join(', ')}.`);
  if (errors.length > 0 || !choice) return { errors };
  return {
    patch: {
      user_id: userId,
      room: { preferred_temperature: preferred },
      dhw: { temperature_lower_bound: lower, temperature_upper_bound: upper },
      optimization_settings: {
        pv_self_consumption: choice === 'pv_self_consumption',
        dynamic_tariff: choice === 'dynamic_tariff',
        flex_trading: choice === 'flex_trading',
      },
    },
  };
}
