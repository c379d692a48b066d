/** The first value of a query or form parameter, or undefined (repeated parameters arrive as arrays). */
export function queryValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return queryValue(value[0]);
  return typeof value === 'string' ? value : undefined;
}
