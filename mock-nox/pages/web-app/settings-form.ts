import type { DhwSettings, OptimizationSettings, RoomSettings } from '../../store/schema.ts';
import type { AppTexts } from '../kit/app-texts.ts';
import { fill } from '../kit/texts.ts';

/** The settings page's number fields, with the data API's bounds (nox-data.yaml) and their labels. */
export const numberFields = [
  { name: 'preferred_temperature', group: 'room', min: 5, max: 30, label: 'preferredTemperature' },
  { name: 'room_lower', group: 'room', min: 0, max: 10, label: 'roomLower' },
  { name: 'room_upper', group: 'room', min: 0, max: 10, label: 'roomUpper' },
  { name: 'dhw_lower', group: 'dhw', min: 10, max: 80, label: 'dhwLower' },
  { name: 'dhw_upper', group: 'dhw', min: 10, max: 80, label: 'dhwUpper' },
] as const;

export const optimisationFields = [
  { name: 'pv_self_consumption', label: 'pvSelfConsumption' },
  { name: 'dynamic_tariff', label: 'dynamicTariff' },
  { name: 'flex_trading', label: 'flexTrading' },
] as const;

export type NumberField = (typeof numberFields)[number]['name'];

/** What the form shows: numbers as typed (strings) and the ticked optimisations. */
export interface SettingsValues {
  numbers: Record<NumberField, string>;
  optimisations: Required<OptimizationSettings>;
}

/** The user-level change the page writes: room, DHW and optimisations in full. */
export interface SettingsChange {
  room: RoomSettings;
  dhw: DhwSettings;
  optimization_settings: Required<OptimizationSettings>;
}

/** Reads the posted form; anything missing, not a number or out of bounds is named in the user's language. */
export function readSettingsForm(
  body: unknown,
  t: AppTexts,
): { values: SettingsValues; change: SettingsChange | null; problems: string[] } {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string).trim() : '');
  const numbers = Object.fromEntries(numberFields.map((f) => [f.name, text(f.name)])) as Record<
    NumberField,
    string
  >;
  const optimisations = {
    pv_self_consumption: text('pv_self_consumption') === 'on',
    dynamic_tariff: text('dynamic_tariff') === 'on',
    flex_trading: text('flex_trading') === 'on',
  };
  const problems: string[] = [];
  const parsed = {} as Record<NumberField, number>;
  for (const f of numberFields) {
    const value = numbers[f.name].replace(',', '.');
    const n = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isNaN(n) || n < f.min || n > f.max) {
      problems.push(fill(t.badNumber, { field: t[f.label], min: String(f.min), max: String(f.max) }));
    }
    parsed[f.name] = n;
  }
  if (problems.length === 0 && parsed.dhw_lower > parsed.dhw_upper) problems.push(t.dhwBoundsCrossed);
  if (optimisations.flex_trading && (optimisations.pv_self_consumption || optimisations.dynamic_tariff))
    problems.push(t.flexExclusive);
  const values = { numbers, optimisations };
  if (problems.length > 0) return { values, change: null, problems };
  const change: SettingsChange = {
    room: {
      preferred_temperature: parsed.preferred_temperature,
      temperature_lower_bound: parsed.room_lower,
      temperature_upper_bound: parsed.room_upper,
    },
    dhw: { temperature_lower_bound: parsed.dhw_lower, temperature_upper_bound: parsed.dhw_upper },
    optimization_settings: optimisations,
  };
  return { values, change, problems };
}
