// biome-ignore lint/suspicious/noExplicitAny: OpenAPI parameters are walked as plain data
type Json = any;

/** The words FastAPI (pydantic) reads as a boolean in a query string, in any case. */
const BOOLEAN_WORDS = new Map<string, boolean>([
  ...['true', '1', 'yes', 'on', 't', 'y'].map((w) => [w, true] as const),
  ...['false', '0', 'no', 'off', 'f', 'n'].map((w) => [w, false] as const),
]);

/** Whether an OpenAPI parameter is a boolean (alone or in a type list). */
export function isBooleanParam(param: Json): boolean {
  const type = param.schema?.type;
  return type === 'boolean' || (Array.isArray(type) && type.includes('boolean'));
}

/** Turns `1`, `yes`, `on`… into booleans in place; Ajv's coercion knows only `true` and `false`. */
export function readBooleans(query: Record<string, unknown>, names: string[]): void {
  for (const name of names) {
    const value = query[name];
    const word = typeof value === 'string' ? BOOLEAN_WORDS.get(value.toLowerCase()) : undefined;
    if (word !== undefined) query[name] = word;
  }
}
