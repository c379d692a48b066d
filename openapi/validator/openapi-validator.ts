import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describeError } from './describe-error.ts';
import type { Issue } from './issue.ts';
import { followRef, isSiblingRef, loadSpec, refParts } from './load-spec.ts';
import { isBooleanParam, readBooleans } from './query-booleans.ts';
import { isUtcTime } from './utc-time.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** What validating one operation's requests needs; compiled on the operation's first request. */
interface RequestChecks {
  body?: { required: boolean; validate: ValidateFunction; schema: Json };
  query?: ValidateFunction;
  /** Query parameters of boolean type, read as FastAPI does before validation. */
  booleanParams: string[];
}

interface Operation {
  method: string;
  pattern: RegExp;
  /** `['paths', path, method]`: where the operation sits in the spec. */
  at: string[];
  op: Json;
  checks?: RequestChecks;
  /** Each documented response's validator, compiled when first asked for (tests only). */
  responses: Map<string, ValidateFunction | null>;
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
  /** How many operations have had their request validator compiled (each once, on its first request). */
  compiledOperations(): number;
}

const loaded = new Map<string, OpenApiValidator>();
// A path item may also hold `parameters`, `summary` or `servers`: only these keys are operations.
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The validator of openapi/<name>.yaml, one per process. */
export function loadOpenApi(name: string): OpenApiValidator {
  const cached = loaded.get(name) ?? createOpenApiValidator(name);
  loaded.set(name, cached);
  return cached;
}

/**
 * A new validator of openapi/<name>.yaml. Compiling schemas is the slow part, so nothing is compiled
 * here: an operation's request schemas are compiled on its first request, a response's when first
 * validated, so a start costs one JSON read and the first request only its own operation.
 */
export function createOpenApiValidator(name: string): OpenApiValidator {
  const spec = loadSpec(`${name}.yaml`);
  const operations = listOperations(spec);
  const byMethod = new Map<string, Operation[]>();
  for (const o of operations) byMethod.set(o.method, [...(byMethod.get(o.method) ?? []), o]);
  let ajvs: { ajv: Ajv2020; queryAjv: Ajv2020 } | undefined;
  const compiler = () => {
    ajvs ??= createAjvs(spec, name);
    return ajvs;
  };
  const find = (method: string, path: string) =>
    byMethod.get(method.toLowerCase())?.find((o) => o.pattern.test(path));
  return {
    validateRequest(req) {
      const op = find(req.method, req.path);
      if (!op) return null;
      op.checks ??= compileChecks(spec, name, op, compiler());
      const checks = op.checks;
      const issues: Issue[] = [];
      if (checks.booleanParams.length > 0) readBooleans(req.query, checks.booleanParams);
      if (checks.query && !checks.query(req.query))
        issues.push(...toIssues(checks.query.errors, 'query', spec));
      if (checks.body) {
        const absent = req.body === undefined;
        const isObject = typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body);
        if ((absent && checks.body.required) || (!absent && !isObject)) issues.push(bodyMissing());
        else if (isObject && !checks.body.validate(req.body))
          issues.push(...toIssues(checks.body.validate.errors, 'body', spec, checks.body.schema));
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
      const validate = responseValidator(spec, name, op, String(status), compiler);
      if (!validate) return [`status ${status} is not documented for ${method} ${path}`];
      return validate(body) ? [] : toIssues(validate.errors, 'response', spec).map((i) => i.msg);
    },
    responseSchema(method, path, status) {
      const op = find(method, path);
      const schema = op && responseOf(spec, op, String(status))?.schema;
      return schema === undefined ? undefined : { schema, resolve: (node) => resolve(spec, refLocal(node)) };
    },
    compiledOperations: () => operations.filter((o) => o.checks !== undefined).length,
  };
}

function listOperations(spec: Json): Operation[] {
  return Object.entries<Json>(spec.paths ?? {}).flatMap(([path, item]) =>
    Object.entries<Json>(item).map(([method, op]) => ({
      method,
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      at: ['paths', path, method],
      op,
      responses: new Map(),
    })),
  );
}

function createAjvs(spec: Json, name: string): { ajv: Ajv2020; queryAjv: Ajv2020 } {
  const ajv = createAjv(false);
  const queryAjv = createAjv(true);
  ajv.addSchema(spec, name);
  queryAjv.addSchema(spec, name);
  // `other.yaml#/components/...` refs (e.g. the control API's settings and webhook bodies) resolve by file name.
  for (const file of new Set(JSON.stringify(spec).match(/[\w-]+\.yaml(?=#)/g))) {
    ajv.addSchema(loadSpec(file), file);
    queryAjv.addSchema(loadSpec(file), file);
  }
  return { ajv, queryAjv };
}

function createAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    // Checking our specs against the 2020-12 meta-schema compiled that meta-schema on the first request
    // (190-250 ms of CPU, the largest item of a cold start); `npm run lint:openapi` checks the specs instead.
    validateSchema: false,
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

const compileAt = (ajv: Ajv2020, name: string, parts: string[]) =>
  ajv.compile({ $ref: `${name}#/${pointer(...parts)}` });

function compileChecks(
  spec: Json,
  name: string,
  { at, op }: Operation,
  { ajv, queryAjv }: { ajv: Ajv2020; queryAjv: Ajv2020 },
): RequestChecks {
  const json = op.requestBody?.content?.['application/json'];
  const queryParams = (op.parameters ?? [])
    .map((p: Json) => resolve(spec, p))
    .filter((p: Json) => p.in === 'query');
  return {
    body: json
      ? {
          required: op.requestBody.required === true,
          validate: compileAt(ajv, name, [...at, 'requestBody', 'content', 'application/json', 'schema']),
          schema: json.schema,
        }
      : undefined,
    query: queryParams.length > 0 ? queryAjv.compile(querySchema(name, queryParams)) : undefined,
    booleanParams: queryParams.filter(isBooleanParam).map((p: Json) => p.name),
  };
}

/** A documented JSON response: its schema and where that schema sits in the spec. */
function responseOf(spec: Json, { at, op }: Operation, status: string) {
  const response = op.responses?.[status];
  const schema = resolve(spec, response)?.content?.['application/json']?.schema;
  if (!schema) return undefined;
  const base = response.$ref ? refParts(response.$ref) : [...at, 'responses', status];
  return { schema, parts: [...base, 'content', 'application/json', 'schema'] };
}

function responseValidator(
  spec: Json,
  name: string,
  op: Operation,
  status: string,
  compiler: () => { ajv: Ajv2020 },
): ValidateFunction | null {
  if (!op.responses.has(status)) {
    const found = responseOf(spec, op, status);
    op.responses.set(status, found ? compileAt(compiler().ajv, name, found.parts) : null);
  }
  return op.responses.get(status) ?? null;
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

function resolve(spec: Json, value: Json): Json {
  return value?.$ref ? followRef(spec, value.$ref).node : value;
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
