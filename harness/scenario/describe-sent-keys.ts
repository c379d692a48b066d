import { loadSpec } from '../../openapi/validator/load-spec.ts';
import type { JournalEntry } from '../../openapi/wire-types.ts';

type Schema = { required?: string[]; properties?: Record<string, unknown>; $ref?: string };

/** The request body schema nox-auth.yaml gives the call's method and path (templated paths matched too). */
function bodySchema(method: string, path: string): Schema | undefined {
  const spec = loadSpec('nox-auth.yaml');
  const template = Object.keys(spec.paths ?? {}).find((p) =>
    new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
  let schema: Schema | undefined =
    template &&
    spec.paths[template][method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
  // Local references only (#/components/schemas/…), as the spec's request bodies use.
  while (schema?.$ref)
    schema = schema.$ref
      .split('/')
      .slice(1)
      .reduce((node, key) => node?.[key], spec);
  return schema;
}

/**
 * For a call NOX answered 400: the body keys the supplier sent, and what the endpoint expects that was
 * missing or unknown, e.g. "it sent redirect_uri, user_id; POST /v2/supplier/link-sessions expects
 * redirect_url". The engineer sees the misspelt field at once instead of only NOX's message.
 */
export function describeSentKeys(entry: JournalEntry): string {
  const { method, path, body } = entry.request;
  const sent = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).sort() : [];
  const said = sent.length ? `it sent ${sent.join(', ')}` : 'it sent no JSON object';
  const schema = bodySchema(method, path);
  if (!schema) return said;
  const missing = (schema.required ?? []).filter((key) => !sent.includes(key));
  const known = Object.keys(schema.properties ?? {});
  const unknown = sent.filter((key) => !known.includes(key));
  const parts = [
    ...(missing.length ? [`expects ${missing.join(', ')}`] : []),
    ...(unknown.length ? [`knows no ${unknown.join(', ')}`] : []),
  ];
  return parts.length ? `${said}; ${method} ${path} ${parts.join(' and ')}` : said;
}
