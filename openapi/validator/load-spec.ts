import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// biome-ignore lint/suspicious/noExplicitAny: the parsed OpenAPI document is walked as plain data
type Json = any;

const openapiDir = join(import.meta.dirname, '..');
const specs = new Map<string, Json>();

/**
 * The parsed openapi/<file> (`nox-auth.yaml`), once per process. The build writes each spec as JSON
 * beside its YAML (dist/openapi/nox-auth.json): the package reads that, as JSON.parse is far cheaper
 * than loading and running the YAML parser; the sources (no JSON there) parse the YAML.
 */
export function loadSpec(file: string): Json {
  const cached = specs.get(file) ?? withServedPaths(readSpec(file));
  specs.set(file, cached);
  return cached;
}

function readSpec(file: string): Json {
  const json = join(openapiDir, file.replace(/\.yaml$/, '.json'));
  if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8'));
  return parseYaml(readFileSync(join(openapiDir, file), 'utf8'));
}

/**
 * The spec with each path as the mock serves it: a path item with servers of its own (NOX publishes auth v2
 * under `https://auth.nox.energy/v2`, its paths relative to that) has their path put before its key, so
 * `/supplier/link-sessions` under `…/v2` is `/v2/supplier/link-sessions` to every reader of the spec.
 */
function withServedPaths(spec: Json): Json {
  if (!spec?.paths) return spec;
  const entries = Object.entries<Json>(spec.paths).map(([path, item]) => {
    const url = item?.servers?.[0]?.url;
    const prefix = typeof url === 'string' ? new URL(url).pathname.replace(/\/$/, '') : '';
    return [`${prefix}${path}`, item];
  });
  return { ...spec, paths: Object.fromEntries(entries) };
}

// `yaml` is loaded only where a spec has no JSON twin (the sources); createRequire keeps this synchronous.
function parseYaml(text: string): Json {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
}

/** `other.yaml#/…` points into that sibling file; `#/…` and `nox-auth#/…` into the document it is in. */
export const isSiblingRef = (ref: string) => /^[^#]+\.yaml#/.test(ref);

/** A JSON pointer's keys (`#/components/schemas/A~1B` is components, schemas, A/B). */
export function refParts(ref: string): string[] {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * One step of a `$ref` written in `doc`: its target, and the document the target's own local refs point
 * into (the sibling file for `other.yaml#/…`).
 */
export function followRef(doc: Json, ref: string): { node: Json; doc: Json } {
  const [file = '', fragment = ''] = ref.split('#');
  const root = isSiblingRef(ref) ? loadSpec(file) : doc;
  return { node: refParts(`#${fragment}`).reduce((node: Json, key) => node?.[key], root), doc: root };
}
