import { MatchersV3 } from '@pact-foundation/pact';

const { boolean, decimal, eachLike, integer, regex, string, uuid } = MatchersV3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Fields whose recorded value is part of the contract as it is (enums and fixed meta). */
const literalFields = new Set([
  'language',
  'device_type',
  'model_type',
  'capacity_unit',
  'consumption_unit',
  'production_unit',
  'granularity',
  'output_timezone',
  'timestamp_time_zone',
  'control_type',
  'status',
  'success',
  'schedule_granularity',
  'timezone',
  'asset_type',
  'temperature_control_mode',
]);

/**
 * Matchers inferred from a recorded value: types for ids, tokens and numbers (they differ on every run),
 * a regex for UUIDs and timestamps, arrays by their first item, and the recorded value for enum-like
 * fields and null.
 */
export function inferMatchers(value: unknown, field?: string): unknown {
  if (value === null) return null;
  if (field && literalFields.has(field) && typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.length === 0 ? [] : eachLike(inferMatchers(value[0]), 1);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, inferMatchers(v, k)]),
    );
  }
  if (typeof value === 'boolean') return boolean(value);
  if (typeof value === 'number') return Number.isInteger(value) ? integer(value) : decimal(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return uuid(value);
    if (ISO_TIME.test(value)) return regex(ISO_TIME.source, value);
    return string(value);
  }
  return value;
}
