import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describeError } from './describe-error.ts';
import type { Issue } from './issue.ts';
import { isBooleanParam, readBooleans } from './query-booleans.ts';
import { isUtcTime } from './utc-time.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const openapiDir = join(import.meta.dirname, '..');

interface Operation {
  method: string;
  pattern: RegExp;
  body?: { required: boolean; validate: ValidateFunction; schema: Json };
  query?: ValidateFunction;
  /** Query parameters of boolean type, read as FastAPI does before validation. */
  booleanParams: string[];
  responses: Map<string, ValidateFunction>;
  /** The JSON schema of each documented response body, $refs unresolved. */
  responseSchemas: Map<string, Json>;
}

export interface RequestLike {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}

/** Validates requests (and, in tests, responses) against one of the OpenAPI files under openapi/. */
export interface OpenApiValidator {
  /** Null when the spec has no such operation; otherwise the problems found (empty when valid). */
  validateRequest(req: RequestLike): Issue[] | null;
  /** The methods (upper case, in the spec's order) the spec has for a concrete path; empty when it has no such path. */
  methodsAt(path: string): string[];
  /** The problems of a response body against the spec, for tests. */
  validateResponse(method: string, path: string, status: number, body: unknown): string[];
  /** A response's schema with a resolver for its $refs, e.g. for deriving Pact matchers; undefined when not documented. */
  responseSchema(
    method: string,
    path: string,
    status: number,
  ): { schema: unknown; resolve: (node: unknown) => unknown } | undefined;
}

const loaded = new Map<string, OpenApiValidator>();
// A path item may also hold `parameters`, `summary` or `servers`: only these keys are operations.
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The validator of openapi/<name>.yaml; built once per process (compiling the schemas is the slow part). */
export function loadOpenApi(name: string): OpenApiValidator {
  const cached = loaded.get(name) ?? buildValidator(name);
  loaded.set(name, cached);
  return cached;
}

function buildValidator(name: string): OpenApiValidator {
  const text = readFileSync(join(openapiDir, `${name}.yaml`), 'utf8');
  const spec = parse(text);
  const ajv = createAjv(false);
  const queryAjv = createAjv(true);
  ajv.addSchema(spec, name);
  queryAjv.addSchema(spec, name);
  // `other.yaml#/components/...` refs (e.g. the control API's settings and webhook bodies) resolve by file name.
  for (const file of new Set(text.match(/[\w-]+\.yaml(?=#)/g))) {
    ajv.addSchema(siblingSpec(file), file);
    queryAjv.addSchema(siblingSpec(file), file);
  }
  const operations = collectOperations(spec, name, ajv, queryAjv);
  const find = (method: string, path: string) =>
    operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(path));
  return {
    validateRequest(req) {
      const op = find(req.method, req.path);
      if (!op) return null;
      const issues: Issue[] = [];
      readBooleans(req.query, op.booleanParams);
      if (op.query && !op.query(req.query)) issues.push(...toIssues(op.query.errors, 'query', spec));
      if (op.body) {
        const absent = req.body === undefined;
        const isObject = typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body);
        if ((absent && op.body.required) || (!absent && !isObject)) issues.push(bodyMissing());
        else if (isObject && !op.body.validate(req.body))
          issues.push(...toIssues(op.body.validate.errors, 'body', spec, op.body.schema));
      }
      return issues;
    },
    methodsAt(path) {
      return operations
        .filter((o) => HTTP_METHODS.has(o.method) && o.pattern.test(path))
        .map((o) => o.method.toUpperCase());
    },
    validateResponse(method, path, status, body) {
      const op = find(method, path);
      if (!op) return [`no operation ${method} ${path} in ${name}.yaml`];
      const validate = op.responses.get(String(status));
      if (!validate) return [`status ${status} is not documented for ${method} ${path}`];
      return validate(body) ? [] : toIssues(validate.errors, 'response', spec).map((i) => i.msg);
    },
    responseSchema(method, path, status) {
      const schema = find(method, path)?.responseSchemas.get(String(status));
      return schema === undefined ? undefined : { schema, resolve: (node) => resolve(spec, refLocal(node)) };
    },
  };
}

function createAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    verbose: true,
    coerceTypes: coerce,
    useDefaults: coerce,
  });
  addFormats(ajv);
  ajv.addFormat('date-time-utc', { type: 'string', validate: isUtcTime });
  return ajv;
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

// biome-ignore lint/suspicious/noExplicitAny: the parsed YAML is walked as plain data
type Json = any;

function collectOperations(spec: Json, name: string, ajv: Ajv2020, queryAjv: Ajv2020): Operation[] {
  const operations: Operation[] = [];
  const compileAt = (parts: string[]) => ajv.compile({ $ref: `${name}#/${pointer(...parts)}` });
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) {
      const at = ['paths', path, method];
      const json = op.requestBody?.content?.['application/json'];
      const queryParams = (op.parameters ?? [])
        .map((p: Json) => resolve(spec, p))
        .filter((p: Json) => p.in === 'query');
      const responses = new Map<string, ValidateFunction>();
      const responseSchemas = new Map<string, Json>();
      for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
        const base = response.$ref ? refParts(response.$ref) : [...at, 'responses', status];
        const schema = resolve(spec, response).content?.['application/json']?.schema;
        if (schema) {
          responses.set(status, compileAt([...base, 'content', 'application/json', 'schema']));
          responseSchemas.set(status, schema);
        }
      }
      operations.push({
        method,
        pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        body: json
          ? {
              required: op.requestBody.required === true,
              validate: compileAt([...at, 'requestBody', 'content', 'application/json', 'schema']),
              schema: json.schema,
            }
          : undefined,
        query: queryParams.length > 0 ? queryAjv.compile(querySchema(name, queryParams)) : undefined,
        booleanParams: queryParams.filter(isBooleanParam).map((p: Json) => p.name),
        responses,
        responseSchemas,
      });
    }
  }
  return operations;
}

/** Whether the property at an instance path (e.g. /room/preferred_temperature) is required by its object. */
function isRequiredIn(spec: Json, root: Json): (path: string[]) => boolean {
  return (path) => {
    let node = resolve(spec, refLocal(root));
    for (const segment of path.slice(0, -1)) node = resolve(spec, refLocal(node?.properties?.[segment]));
    return node?.required?.includes(path.at(-1)) === true;
  };
}

/** `nox-auth#/components/...` and `#/components/...` both point into this spec; `other.yaml#/...` into that file. */
function refLocal(schema: Json): Json {
  return schema?.$ref && !isSiblingRef(schema.$ref) ? { $ref: schema.$ref.replace(/^[^#]*#/, '#') } : schema;
}

const isSiblingRef = (ref: string) => /^[^#]+\.yaml#/.test(ref);
const siblings = new Map<string, Json>();

function siblingSpec(file: string): Json {
  const cached = siblings.get(file) ?? parse(readFileSync(join(openapiDir, file), 'utf8'));
  siblings.set(file, cached);
  return cached;
}

function refParts(ref: string): string[] {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function resolve(spec: Json, value: Json): Json {
  if (!value?.$ref) return value;
  const [file, fragment] = value.$ref.split('#');
  const root = isSiblingRef(value.$ref) ? siblingSpec(file) : spec;
  return refParts(`#${fragment}`).reduce((node: Json, key) => node?.[key], root);
}

function querySchema(name: string, params: Json[]): Json {
  const schemaOf = (p: Json) => p.schema ?? {};
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, resolveSchemaRefs(name, schemaOf(p))])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

function resolveSchemaRefs(name: string, schema: Json): Json {
  return schema.$ref?.startsWith('#/') ? { $ref: `${name}${schema.$ref}` } : schema;
}

function bodyMissing(): Issue {
  return {
    loc: ['body'],
    msg: 'The request body must be a JSON object (send it with Content-Type: application/json)',
    type: 'missing',
  };
}

/** Errors inside oneOf/anyOf branches are summed up by the oneOf/anyOf error itself, in one issue. */
function toIssues(
  errors: ErrorObject[] | null | undefined,
  where: string,
  spec?: Json,
  root?: Json,
): Issue[] {
  const all = errors ?? [];
  const inBranch = (e: ErrorObject) => /\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath);
  const relevant = all.filter((e) => !inBranch(e) && !['if', 'allOf'].includes(e.keyword));
  const seen = new Set<string>();
  return relevant
    .map((e) =>
      describeError(e, where, (schema) => resolve(spec, refLocal(schema)), isRequiredIn(spec, root)),
    )
    .filter((i) => !seen.has(i.msg) && seen.add(i.msg));
}
