import { followRef, loadSpec } from '../../openapi/validator/load-spec.ts';
import { errors } from '../errors/error-templates.ts';

// biome-ignore lint/suspicious/noExplicitAny: the parsed OpenAPI YAML is walked as plain data
type Json = any;
type Unknown = (string | number)[];

/**
 * The request-body properties an OpenAPI file does not describe. `drop` removes them from the body
 * (FastAPI's default, so what NOX's data API does); `list` names them so a caller can refuse them.
 */
export function createPropertyFilter(specName: string) {
  const spec = loadSpec(`${specName}.yaml`);
  const operations = Object.entries<Json>(spec.paths ?? {}).flatMap(([path, item]) =>
    Object.entries<Json>(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      schema: op?.requestBody?.content?.['application/json']?.schema,
    })),
  );
  // Most calls are to a few paths: each one's schema is looked up once (the memo is bounded by ids in paths).
  const memo = new Map<string, Json>();
  const schemaOf = (method: string, path: string) => {
    const key = `${method} ${path}`;
    if (memo.has(key)) return memo.get(key);
    if (memo.size >= 1000) memo.clear();
    const schema = operations.find((o) => o.method === method && o.pattern.test(path))?.schema;
    memo.set(key, schema);
    return schema;
  };
  // A schema node with the document its local refs point into: refs to a sibling file
  // (`nox-data.yaml#/components/schemas/RoomSettings`, as the control API's settings change has) are
  // followed into that file, and the refs inside it resolve there.
  type At = { node: Json; doc: Json };
  const resolve = (at: At): At =>
    typeof at.node?.$ref === 'string' ? resolve(followRef(at.doc, at.node.$ref)) : at;
  const walk = (schema: At, value: unknown, at: Unknown, found: Unknown[], drop: boolean) => {
    const { node, doc } = resolve(schema);
    if (!node || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      if (node.items)
        for (const [i, v] of value.entries()) walk({ node: node.items, doc }, v, [...at, i], found, drop);
      return;
    }
    const branches = [
      { node, doc },
      ...['allOf', 'oneOf', 'anyOf'].flatMap((k) => (node[k] ?? []).map((b: Json) => ({ node: b, doc }))),
    ].map(resolve);
    const properties = new Map<string, At>();
    for (const branch of branches)
      for (const [key, property] of Object.entries(branch.node?.properties ?? {}))
        properties.set(key, { node: property, doc: branch.doc });
    const open = branches.some(
      ({ node: b }) => b?.additionalProperties !== undefined && b.additionalProperties !== false,
    );
    if (properties.size === 0 || open) return;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const property = properties.get(key);
      if (property) walk(property, record[key], [...at, key], found, drop);
      else {
        found.push([...at, key]);
        if (drop) delete record[key];
      }
    }
  };
  return {
    list(method: string, path: string, body: unknown): Unknown[] {
      const found: Unknown[] = [];
      walk({ node: schemaOf(method, path), doc: spec }, body, [], found, false);
      return found;
    },
    drop(method: string, path: string, body: unknown): void {
      walk({ node: schemaOf(method, path), doc: spec }, body, [], [], true);
    },
  };
}

/** The control API is the mock's own: a field it does not know is a typo, refused with 400. */
export function createUnknownPropertyCheck(specName: string) {
  const filter = createPropertyFilter(specName);
  return (method: string, path: string, body: unknown): void => {
    const found = filter.list(method, path, body);
    if (found.length === 0) return;
    throw errors.validation(
      found.map((at) => ({
        loc: ['body', ...at],
        msg: `${at.join('.')} is not a known field`,
        type: 'extra_forbidden',
      })),
    );
  };
}
