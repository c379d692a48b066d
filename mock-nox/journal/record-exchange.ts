import type { Area } from './area-of.ts';
import type { Journal } from './journal.ts';
import { journalBody, MAX_JOURNAL_BODY_BYTES, redactKeyHeaders } from './journal-limits.ts';

/** One request and its answer, as the journal takes it. */
export interface Exchange {
  area: Exclude<Area, 'control'>;
  /** performance.now() when the request came in. */
  started: number;
  organisationId: string | undefined;
  fault: boolean;
  request: { method: string; path: string; query: Record<string, unknown>; headers: Record<string, unknown> };
  /** The UTF-8 JSON body as it came in (small enough to keep), else `sent`: a copy of the parsed body. */
  raw: Buffer | undefined;
  sent: unknown;
  status: number;
  headers: Record<string, unknown>;
  /** What was answered: its text (or bytes), or the value handed over. */
  payload: unknown;
}

/**
 * Records an exchange; the pipeline calls it as the answer is handed over (not on 'finish', so a client
 * that got its answer always finds the entry). What is cheap is taken at once; bodies are kept as the text
 * that went over the wire and parsed only when the journal is read, so a request costs the journal no JSON work.
 */
export function recordExchange(
  journal: Journal,
  now: (organisationId?: string) => number,
  exchange: Exchange,
): void {
  const { area, organisationId, raw, sent, request, payload } = exchange;
  const at = now(organisationId);
  const duration_ms = Math.round((performance.now() - exchange.started) * 10) / 10;
  const contentType = String(exchange.headers['content-type'] ?? '');
  const text =
    typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : undefined;
  // Kept as text only when small: a large answer (or one that is no text) is cut down now.
  const kept = text !== undefined && text.length <= MAX_JOURNAL_BODY_BYTES ? text : undefined;
  const answer =
    kept === undefined
      ? journalBody(text === undefined ? (payload ?? null) : readText(text, contentType))
      : undefined;
  journal.record({
    organisation_id: organisationId ?? null,
    area,
    bytes: 512 + (raw?.length ?? 0) + (kept?.length ?? 1024),
    read: () => ({
      at,
      organisation_id: organisationId ?? null,
      area,
      request: {
        ...request,
        headers: redactKeyHeaders(stringHeaders(request.headers)),
        body: raw ? journalBody(parseRaw(raw)) : sent,
      },
      response: {
        status: exchange.status,
        headers: stringHeaders(exchange.headers),
        body: kept === undefined ? answer : journalBody(readText(kept, contentType)),
      },
      duration_ms,
      ...(exchange.fault ? { fault: true as const } : {}),
    }),
  });
}

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = String(v);
  return out;
}

/** An answer's text as the journal shows it: parsed when JSON, a marker for a page, else the text. */
function readText(text: string, contentType: string): unknown {
  if (contentType.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {}
  }
  return contentType.includes('html') ? '[html page]' : text;
}

/** The body parser parsed these bytes already, so this cannot fail; the text is kept if it ever does. */
function parseRaw(raw: Buffer): unknown {
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
