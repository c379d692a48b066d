import type { NextFunction, Request, Response } from 'express';
import { areaOf } from './area-of.ts';
import type { Journal } from './journal.ts';
import { journalBody, MAX_JOURNAL_BODY_BYTES, redactKeyHeaders } from './journal-limits.ts';

/** The JSON text of a request body as it came in, kept by express.json's `verify` (see app.ts). */
export const RAW_JSON = Symbol('raw JSON body');
type WithRaw = Request & { [RAW_JSON]?: Buffer };

/** express.json's `verify`: keeps the bytes of a UTF-8 JSON body, so the journal can copy it later for free. */
export function keepRawJson(req: WithRaw, _res: unknown, buf: Buffer, encoding: string): void {
  if (encoding === 'utf-8' && buf.length <= MAX_JOURNAL_BODY_BYTES) req[RAW_JSON] = buf;
}

/**
 * Records every request but the control API's; routes set `res.locals.organisationId` when they know it.
 * What is cheap is taken at once; bodies are kept as the text that went over the wire and parsed only
 * when the journal is read, so a request costs the journal no JSON work.
 */
export function journalMiddleware(journal: Journal, now: (organisationId?: string) => number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const area = areaOf(req.path);
    if (area === 'control') return next();
    const started = performance.now();
    // Copied now (or its text kept): routes may drop unknown fields from req.body, the journal keeps what was sent.
    const raw = (req as WithRaw)[RAW_JSON];
    const sent = raw ? undefined : journalBody(req.body);
    let body: unknown;
    const send = res.send.bind(res);
    res.send = (payload?: unknown) => {
      body = payload;
      return send(payload);
    };
    // Recorded as the answer is handed over, not on 'finish', so a client that got its answer always
    // finds the entry in the journal (finish can fire after the client has moved on).
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      record();
      return end(...args);
    }) as Response['end'];
    const record = () => {
      const organisationId: string | undefined = res.locals.organisationId;
      const at = now(organisationId);
      const duration_ms = Math.round((performance.now() - started) * 10) / 10;
      const fault = res.locals.fault === true;
      const request = { method: req.method, path: req.path, query: { ...req.query }, headers: req.headers };
      const response = { status: res.statusCode, headers: res.getHeaders() };
      const contentType = String(res.getHeader('content-type') ?? '');
      const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString() : undefined;
      // Kept as text only when small: a large answer (or one that is no text) is cut down now.
      const kept = text !== undefined && text.length <= MAX_JOURNAL_BODY_BYTES ? text : undefined;
      const answer =
        kept === undefined
          ? journalBody(text === undefined ? (body ?? null) : readText(text, contentType))
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
            status: response.status,
            headers: stringHeaders(response.headers),
            body: kept === undefined ? answer : journalBody(readText(kept, contentType)),
          },
          duration_ms,
          ...(fault ? { fault: true as const } : {}),
        }),
      });
    };
    next();
  };
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

/** express.json parsed these bytes already, so this cannot fail; the text is kept if it ever does. */
function parseRaw(raw: Buffer): unknown {
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
