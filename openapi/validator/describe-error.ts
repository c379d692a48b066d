import type { ErrorObject } from 'ajv';
import type { Issue } from './issue.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema fragments are plain data
type Schema = any;

/** "a string", "one of: nl, en", "an absolute URL or null": what a schema expects, in words. */
export function expected(schema: Schema): string {
  if (!schema || typeof schema !== 'object') return 'a valid value';
  if (Array.isArray(schema.enum)) return `one of: ${schema.enum.join(', ')}`;
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const words = types.map((t) => typeWord(t, schema));
  return words.length > 0 ? words.join(' or ') : 'a valid value';
}

function typeWord(type: string, schema: Schema): string {
  if (type === 'string' && schema.format === 'uri') return 'an absolute URL';
  if (type === 'string' && schema.format === 'date-time') return 'an ISO 8601 date-time';
  if (type === 'string' && schema.format === 'date-time-utc')
    return 'a real UTC time in ISO 8601, e.g. 2025-01-15T10:00:00Z';
  if (type === 'string' && schema.pattern) return `a string matching ${schema.pattern}`;
  const article = /^[aeiou]/.test(type) ? 'an' : 'a';
  return type === 'null' ? 'null' : `${article} ${type}`;
}

/** Turns one Ajv error into an issue whose message says what was wrong and what is expected. */
export function describeError(
  error: ErrorObject,
  where: string,
  resolve: (s: Schema) => Schema = (s) => s,
  isRequired: (path: string[]) => boolean = () => false,
): Issue {
  const path = error.instancePath.split('/').filter(Boolean);
  const field = path.join('.');
  const loc = [where, ...path.map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
  switch (error.keyword) {
    case 'required': {
      const prop = String(error.params.missingProperty);
      const name = field ? `${field}.${prop}` : prop;
      const schema = resolve(error.parentSchema?.properties?.[prop]);
      return {
        loc: [...loc, prop],
        msg: `${name} is required and must be ${expected(schema)}`,
        type: 'missing',
      };
    }
    case 'type': {
      // NOX's one documented message says "is required and must be" for a required field of the wrong type too.
      const must = isRequired(path) ? 'is required and must be' : 'must be';
      return {
        loc,
        msg: `${field} ${must} ${expected(error.parentSchema)}`,
        type: `${String(error.params.type).split(',')[0]}_type`,
      };
    }
    case 'enum':
      return {
        loc,
        msg: `${field} must be ${expected(error.parentSchema)} (got ${JSON.stringify(error.data)})`,
        type: 'enum',
      };
    case 'pattern':
    case 'format':
      return {
        loc,
        msg: `${field} must be ${expected(error.parentSchema)} (got ${JSON.stringify(error.data)})`,
        type: 'value_error',
      };
    case 'minLength':
      return error.params.limit === 1
        ? { loc, msg: `${field} must not be empty`, type: 'string_too_short' }
        : {
            loc,
            msg: `${field} must be at least ${error.params.limit} characters long`,
            type: 'string_too_short',
          };
    case 'minItems':
    case 'maxItems': {
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most';
      const count = (error.data as unknown[]).length;
      return {
        loc,
        msg: `${field} must have ${bound} ${error.params.limit} items (got ${count})`,
        type: 'value_error',
      };
    }
    case 'minimum':
      return {
        loc,
        msg: `${field} must be ${error.params.limit} or more (got ${error.data})`,
        type: 'greater_than_equal',
      };
    case 'maximum':
      return {
        loc,
        msg: `${field} must be ${error.params.limit} or less (got ${error.data})`,
        type: 'less_than_equal',
      };
    case 'oneOf':
    case 'anyOf': {
      const branches: Schema[] = error.parentSchema?.[error.keyword] ?? [];
      const names = branches.map((b) => b.required?.join(' and ')).filter(Boolean);
      const what = field || where;
      return names.length === branches.length
        ? { loc, msg: `${what} must have exactly one of: ${names.join(', ')}`, type: 'value_error' }
        : {
            loc,
            msg: `${what} must match one of the shapes the OpenAPI file describes`,
            type: 'value_error',
          };
    }
    case 'unevaluatedProperties':
    case 'additionalProperties': {
      const prop = String(error.params.unevaluatedProperty ?? error.params.additionalProperty);
      return {
        loc: [...loc, prop],
        msg: `${field ? `${field}.` : ''}${prop} is not a known field`,
        type: 'extra_forbidden',
      };
    }
    default:
      return { loc, msg: `${field || where} ${error.message ?? 'is invalid'}`, type: 'value_error' };
  }
}
