/** A call to NOX that failed: an error status (with NOX's messages) or no answer at all (status null). */
export class NoxRequestError extends Error {
  override name = 'NoxRequestError';
  constructor(
    readonly status: number | null,
    /** NOX's own messages: `error` of the auth API, each `detail[].msg` of the data API. */
    readonly messages: string[],
    what: string,
  ) {
    super(`${what} failed${status === null ? '' : ` with ${status}`}: ${messages.join('; ')}`);
  }
}

/** NOX's error messages from a response body: `{error}` (auth API) or `{detail}` (data API, FastAPI). */
export function noxMessages(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const { error, detail } = body as { error?: unknown; detail?: unknown };
  if (typeof error === 'string') return [error];
  if (typeof detail === 'string') return [detail];
  if (Array.isArray(detail)) return detail.map(issueText);
  return [];
}

function issueText(issue: unknown): string {
  const { msg, loc } = (issue ?? {}) as { msg?: unknown; loc?: unknown };
  if (typeof msg === 'string') return msg;
  return `invalid value at ${Array.isArray(loc) ? loc.join('.') : 'an unknown place'}`;
}
