import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { apiErrorAnswer, toNoxError } from '../errors/error-middleware.ts';
import { errors } from '../errors/error-templates.ts';
import { NoxError } from '../errors/nox-error.ts';
import { areaOf } from '../journal/area-of.ts';
import type { Journal } from '../journal/journal.ts';
import { journalBody, MAX_JOURNAL_BODY_BYTES } from '../journal/journal-limits.ts';
import { recordExchange } from '../journal/journal-middleware.ts';
import type { ApiRouter } from './api-router.ts';
import {
  type ApiRequest,
  type ApiResponse,
  createApiResponse,
  createRouteMatcher,
  type RouteMatch,
} from './api-router.ts';
import { depthOf, MAX_BODY_DEPTH } from './body-limits.ts';
import { readJsonBody } from './json-body.ts';

export interface ApiDispatchOptions {
  /** Every route of NOX's APIs (auth and data). */
  routes: ApiRouter;
  journal: Journal;
  now: (organisationId?: string) => number;
  publicUrl?: string;
  /** Drops the body's properties the operation's spec does not describe (as FastAPI does). */
  dropUnknown(method: string, path: string, body: unknown): void;
  /** The fault set for this call with PUT /__nox/faults, after its latency (see control/route-faults.ts). */
  takeFault(req: ApiRequest, res: ApiResponse): Promise<NoxError | undefined>;
}

/**
 * NOX's APIs on node's own request and response: a call to one of their routes is read, checked, journalled
 * and answered here, in one pass and with one lookup of its route, and never reaches Express (which serves
 * the pages and the control API). This is the mock's hot path: Express's per-request work (its router, its
 * request and response prototypes, body-parser, ETags) cost more than all of the mock's own, so the APIs
 * went from ~0.4 to about the throughput of a bare Express app answering a fixed JSON (see README
 * "Performance"). The order of the checks is the one app.ts gives the other surfaces: body, journal, depth,
 * unknown properties, faults, then the route. Returns false for a request that is not an API route's.
 */
export function createApiDispatch(options: ApiDispatchOptions) {
  const match = createRouteMatcher(options.routes.routes);
  const publicUrl = { locals: { publicUrl: options.publicUrl } };
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    let route: RouteMatch | null;
    try {
      route = match(req.method ?? 'GET', path);
    } catch (error) {
      // A route's parameter that cannot be decoded, as Express's router answers it.
      route = { params: new Map(), handler: () => Promise.reject(error) };
    }
    if (!route) return false;
    void handle(req, res, path, q < 0 ? '' : url.slice(q + 1), route);
    return true;
  };

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    search: string,
    route: RouteMatch,
  ): Promise<void> {
    const area = areaOf(path) === 'data' ? 'data' : 'auth';
    const started = performance.now();
    let body: unknown;
    let raw: Buffer | undefined;
    try {
      ({ body, raw } = await readJsonBody(req));
    } catch (error) {
      // Not journalled, as on the other surfaces: the body parser runs before the journal.
      const answer = apiErrorAnswer(toNoxError(error, area === 'data'), area);
      const text = JSON.stringify(answer.body);
      write(res, answer.status, withLength({ 'content-type': JSON_TYPE }, text), text);
      return;
    }
    const kept = raw !== undefined && raw.length <= MAX_JOURNAL_BODY_BYTES ? raw : undefined;
    // Copied now (or its text kept): the unknown properties are dropped from `body` below.
    const sent = kept ? undefined : journalBody(body);
    const query = search === '' ? {} : parseQuery(search);
    const apiReq: ApiRequest = {
      method: req.method ?? 'GET',
      path,
      query,
      headers: req.headers,
      body,
      param: (name) => {
        const value = route.params.get(name);
        if (value === undefined) throw new Error(`the route has no parameter ${name}`);
        return value;
      },
      get: (name) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
      },
      baseUrl: '',
      protocol: 'http',
      socket: req.socket,
      app: publicUrl,
    };
    const answer = (status: number, headers: Record<string, string>, text: string | undefined) => {
      const all = withLength(headers, text);
      // First, as it throws on a bad status or header before anything is written.
      res.writeHead(status, all);
      // Recorded as the answer is handed over, so a client that got its answer finds it in the journal.
      recordExchange(options.journal, options.now, {
        area,
        started,
        organisationId: apiRes.locals.organisationId,
        fault: apiRes.locals.fault === true,
        request: { method: apiReq.method, path, query: { ...query }, headers: req.headers },
        raw: kept,
        sent,
        status,
        headers: all,
        payload: text,
      });
      res.end(text);
    };
    const apiRes = createApiResponse(answer);
    try {
      if (depthOf(body) > MAX_BODY_DEPTH) throw errors.bodyTooDeep(MAX_BODY_DEPTH);
      if (body !== undefined) options.dropUnknown(apiReq.method, path, body);
      const fault = await options.takeFault(apiReq, apiRes);
      if (fault) throw fault;
      await route.handler(apiReq, apiRes);
      if (!apiRes.sent) throw new Error(`${apiReq.method} ${path} answered nothing`);
    } catch (error) {
      const noxError = toNoxError(error, area === 'data');
      if (!(error instanceof NoxError) && noxError.status >= 500)
        console.error('[nox-testkit] internal error', error);
      if (apiRes.sent) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const failure = apiErrorAnswer(noxError, area);
      try {
        answer(failure.status, { 'content-type': JSON_TYPE }, JSON.stringify(failure.body));
      } catch (writeError) {
        console.error('[nox-testkit] internal error', writeError);
        res.destroy();
      }
    }
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';

function withLength(headers: Record<string, string>, text: string | undefined): Record<string, string> {
  // Set in place (each answer has its own headers): a spread with a property after it is slow on node 20.
  if (text !== undefined) headers['content-length'] = String(Buffer.byteLength(text));
  return headers;
}

function write(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string | undefined,
) {
  res.writeHead(status, headers);
  res.end(text);
}
