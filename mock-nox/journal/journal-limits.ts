import { depthOf, MAX_BODY_DEPTH } from '../http/body-limits.ts';

/** A body bigger than this (as JSON) is kept as a marker with its start: the largest NOX answer is far below. */
export const MAX_JOURNAL_BODY_BYTES = 256 * 1024;
/** The journal drops its oldest entries beyond this many bytes (as well as beyond its entry count). */
export const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;
/** What a truncated body's marker says, so readers (and the harness) recognise one. */
export const TRUNCATED_MARKER = '[nox-testkit] body truncated in the journal';

/**
 * A copy of a body as the journal keeps it: later changes by a route do not reach it, and one that is
 * too large or too deep becomes `{ "[nox-testkit]": marker, bytes, start }`.
 */
export function journalBody(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (depthOf(value) > MAX_BODY_DEPTH)
    return { '[nox-testkit]': TRUNCATED_MARKER, reason: `nested deeper than ${MAX_BODY_DEPTH} levels` };
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'null');
  if (text.length <= MAX_JOURNAL_BODY_BYTES) return typeof value === 'string' ? value : JSON.parse(text);
  return { '[nox-testkit]': TRUNCATED_MARKER, bytes: text.length, start: text.slice(0, 1024) };
}

/**
 * API keys never reach the journal (reports and pacts are shared): at most half the value, padded with
 * `*` to 8 characters, is kept to recognise it (the harness's own redaction leaves this form unchanged).
 */
export function redactKeyHeaders(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  for (const name of ['x-api-key', 'authorization']) {
    const value = out[name];
    if (value)
      out[name] = `${value.slice(0, Math.min(8, Math.floor(value.length / 2))).padEnd(8, '*')}...(redacted)`;
  }
  return out;
}

/** The journal's size accounting: an entry's JSON length, near enough to its bytes for a cap. */
export function entryBytes(entry: unknown): number {
  return JSON.stringify(entry)?.length ?? 0;
}
