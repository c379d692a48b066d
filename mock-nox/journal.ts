import type { NextFunction, Request, Response } from 'express';
import { entryBytes, journalBody, MAX_JOURNAL_BYTES, redactKeyHeaders } from './journal/journal-limits.ts';

export type Area = 'auth' | 'data' | 'page' | 'control';

/** One request the mock answered, as the harness and the contract builder read it. */
export interface JournalEntry {
  id: number;
  /** Virtual unix seconds of the organisation (or global) clock. */
  at: number;
  organisation_id: string | null;
  area: Area;
  request: {
    method: string;
    path: string;
    query: Record<string, unknown>;
    headers: Record<string, string>;
    body: unknown;
  };
  response: { status: number; headers: Record<string, string>; body: unknown };
  duration_ms: number;
  /** Set when a simulated fault (PUT /__nox/faults) shaped the answer: not NOX's real behaviour. */
  fault?: true;
}

export interface JournalQuery {
  organisation_id?: string;
  area?: Area;
  after_id?: number;
  limit?: number;
}

/** The in-memory journal: the newest entries up to `capacity` and `maxBytes`, not persisted across restarts. */
export interface Journal {
  record(entry: Omit<JournalEntry, 'id'>): void;
  list(query?: JournalQuery): JournalEntry[];
  clear(organisationId?: string): void;
}

export function createJournal(capacity = 10_000, maxBytes = MAX_JOURNAL_BYTES): Journal {
  let entries: JournalEntry[] = [];
  let nextId = 1;
  const sizes = new WeakMap<JournalEntry, number>();
  let bytes = 0;
  return {
    record(entry) {
      const added = { id: nextId++, ...entry };
      sizes.set(added, entryBytes(added));
      bytes += sizes.get(added) ?? 0;
      entries.push(added);
      let drop = Math.max(0, entries.length - capacity);
      while (bytes > maxBytes && drop < entries.length - 1) drop++;
      for (const old of entries.slice(0, drop)) bytes -= sizes.get(old) ?? 0;
      if (drop > 0) entries = entries.slice(drop);
    },
    list({ organisation_id, area, after_id = 0, limit = 1000 } = {}) {
      return entries
        .filter((e) => e.id > after_id)
        .filter((e) => organisation_id === undefined || e.organisation_id === organisation_id)
        .filter((e) => area === undefined || e.area === area)
        .slice(0, limit);
    },
    clear(organisationId) {
      entries =
        organisationId === undefined ? [] : entries.filter((e) => e.organisation_id !== organisationId);
      bytes = entries.reduce((sum, e) => sum + (sizes.get(e) ?? 0), 0);
    },
  };
}

/** Which NOX surface a path belongs to; decides the error shape and the journal's area. */
export function areaOf(path: string): Area {
  if (path.startsWith('/__nox')) return 'control';
  if (path === '/ui' || path.startsWith('/ui/') || path === '/connect') return 'page';
  if (path.startsWith('/v1/')) return 'data';
  return 'auth';
}

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
