import type { NextFunction, Request, Response } from 'express';
import { areaOf } from './area-of.ts';
import type { Journal } from './journal.ts';
import { journalBody, redactKeyHeaders } from './journal-limits.ts';

/** Records every request but the control API's; routes set `res.locals.organisationId` when they know it. */
export function journalMiddleware(journal: Journal, now: (organisationId?: string) => number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const area = areaOf(req.path);
    if (area === 'control') return next();
    const started = performance.now();
    // Copied now: routes may drop unknown fields from req.body, the journal keeps what was sent.
    const sent = journalBody(req.body);
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
      journal.record({
        at: now(organisationId),
        organisation_id: organisationId ?? null,
        area,
        request: {
          method: req.method,
          path: req.path,
          query: { ...req.query },
          headers: redactKeyHeaders(stringHeaders(req.headers)),
          body: sent,
        },
        response: {
          status: res.statusCode,
          headers: stringHeaders(res.getHeaders()),
          body: journalBody(parsedBody(body, res)),
        },
        duration_ms: Math.round((performance.now() - started) * 10) / 10,
        ...(res.locals.fault ? { fault: true as const } : {}),
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

function parsedBody(body: unknown, res: Response): unknown {
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body ?? null;
  const text = body.toString();
  if (String(res.getHeader('content-type') ?? '').includes('json')) {
    try {
      return JSON.parse(text);
    } catch {}
  }
  return String(res.getHeader('content-type') ?? '').includes('html') ? '[html page]' : text;
}
