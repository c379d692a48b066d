import { MatchersV3 } from '@pact-foundation/pact';

const { boolean, decimal, eachLike, integer, number, regex, string, uuid } = MatchersV3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The OpenAPI schema of the value, with a resolver for its $refs. */
export interface SchemaHint {
  schema: unknown;
  resolve: (node: unknown) => unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema fragments are walked as plain data
type Schema = any;

/** Fields kept as recorded when the spec does not say: enum-like values and fixed units. */
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
 * Matchers for a recorded value, led by its OpenAPI schema where there is one: enums by regex, integers
 * and numbers by type, ids and tokens by type, UUIDs and timestamps by pattern, arrays by their first
 * item; null as recorded.
 */
export function inferMatchers(value: unknown, hint?: SchemaHint, field?: string): unknown {
  const schema = hint ? flatten(hint.schema, hint.resolve) : undefined;
  const child = (node: unknown): SchemaHint | undefined =>
    hint && node !== undefined ? { schema: node, resolve: hint.resolve } : undefined;
  if (value === null) return null;
  if (Array.isArray(schema?.enum) && typeof value === 'string')
    return regex(`^(${schema.enum.map(escapeRegExp).join('|')})$`, value);
  if (!schema && field && literalFields.has(field) && typeof value !== 'object') return value;
  if (Array.isArray(value))
    return value.length === 0 ? [] : eachLike(inferMatchers(value[0], child(schema?.items)), 1);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        inferMatchers(v, child(schema?.properties?.[k]), k),
      ]),
    );
  }
  if (typeof value === 'boolean') return boolean(value);
  if (typeof value === 'number') {
    const types = Array.isArray(schema?.type) ? schema.type : [schema?.type];
    if (types.includes('number')) return number(value);
    return Number.isInteger(value) ? integer(value) : decimal(value);
  }
  if (typeof value === 'string') {
    if (UUID.test(value)) return uuid(value);
    if (ISO_TIME.test(value)) return regex(ISO_TIME.source, value);
    return string(value);
  }
  return value;
}

/** One schema with the properties and items of its allOf/oneOf/anyOf branches merged in. */
function flatten(node: unknown, resolve: (node: unknown) => unknown): Schema {
  const schema: Schema = resolve(node);
  if (!schema || typeof schema !== 'object') return undefined;
  const branches: Schema[] = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].map(
    (b) => flatten(b, resolve),
  );
  if (branches.length === 0) return schema;
  const merged: Schema = { ...schema, properties: { ...schema.properties } };
  for (const branch of branches) {
    for (const [key, value] of Object.entries(branch ?? {})) if (!(key in merged)) merged[key] = value;
    Object.assign(merged.properties, { ...branch?.properties, ...merged.properties });
    merged.items ??= branch?.items;
  }
  return merged;
}

function escapeRegExp(text: unknown): string {
  return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
