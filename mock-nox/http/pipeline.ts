import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { type ErrorPageRenderer, errorAnswer, toNoxError } from '../errors/error-answer.ts';
import { errors } from '../errors/error-templates.ts';
import { NoxError } from '../errors/nox-error.ts';
import { type Area, areaOf } from '../journal/area-of.ts';
import type { Journal } from '../journal/journal.ts';
import { journalBody, MAX_JOURNAL_BODY_BYTES } from '../journal/journal-limits.ts';
import { recordExchange } from '../journal/record-exchange.ts';
import { depthOf, MAX_BODY_DEPTH } from './body-limits.ts';
import { createMethodCheck } from './method-not-allowed.ts';
import { readRequestBody } from './request-body.ts';
import {
  createMockResponse,
  createRouteMatcher,
  type MockRequest,
  type MockResponse,
  type RouteHandler,
  type Router,
} from './router.ts';

export interface PipelineOptions {
  /** Every route of the mock: NOX's APIs, the control API, the pages. */
  routes: Router;
  journal: Journal;
  now: (organisationId?: string) => number;
  publicUrl?: string;
  /** Why a request may not go on (the control API's access rules), or null; run after the body is read. */
  guard(area: Area, req: MockRequest, res: MockResponse): NoxError | null;
  /** Drops the body's properties the operation's spec does not describe (as FastAPI does). */
  dropUnknown(method: string, path: string, body: unknown): void;
  /** The fault set for this call with PUT /__nox/faults, after its latency (see route-faults.ts). */
  takeFault(req: MockRequest, res: MockResponse): Promise<NoxError | undefined>;
  /** The page an error on /ui and /connect is answered with. */
  renderErrorPage: ErrorPageRenderer;
}

/**
 * The mock's one request pipeline, on node's own request and response: every request (NOX's APIs, the
 * control API, the hosted pages) passes the same stages, each written once, with one lookup of its route:
 *
 *   route → body → journal → depth → guard → unknown properties → fault → handler → answer (or error)
 *
 * - route: the handler of the method and path; none is a 405 (with `Allow`) or a 404 in the area's shape,
 *   answered by the same stages (so a wrong method is journalled and faultable like any call);
 * - body: JSON on every surface, a form too on the pages (request-body.ts), refused in the area's shape;
 * - journal: every exchange but the control API's, recorded as its answer is handed over;
 * - depth: no body deeper than MAX_BODY_DEPTH;
 * - guard: the control API's access rules (app.ts hands them in: http/ knows no surface);
 * - unknown properties: dropped from NOX API bodies, as FastAPI does;
 * - fault: a PUT /__nox/faults fault on this call, after its latency (never on the control API);
 * - errors: a NoxError in the area's shape (`{error}`, `{detail}`, a page), anything else a 500 marked as a
 *   mock bug; headers a route set before it refused (`Allow`, `WWW-Authenticate`) are kept.
 *
 * No Express: its per-request work (router, request and response prototypes, body-parser) cost more than
 * all of the mock's own, and the pages need only what MockResponse has (see docs/architecture.md).
 */
export function createPipeline(options: PipelineOptions) {
  const matcher = createRouteMatcher(options.routes.routes);
  const methodCheck = createMethodCheck(matcher.methodsAt);
  const app = { locals: { publicUrl: options.publicUrl } };
  const noRoute: RouteHandler = (req, res) => {
    const area = areaOf(req.path);
    const refused = methodCheck(area, req.method, req.path);
    if (!refused) throw errors.notFound(req.method, req.path);
    res.set('allow', refused.allow);
    throw refused.error;
  };
  const find = (method: string, path: string) =>
    matcher.match(method, path) ??
    // A page answers HEAD as its GET, without the body (node leaves the body of a HEAD answer out).
    (method === 'HEAD' && areaOf(path) === 'page' ? matcher.match('GET', path) : null);

  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const method = req.method ?? 'GET';
    let handler: RouteHandler;
    let params: Readonly<Record<string, string>>;
    try {
      const route = find(method, path);
      handler = route?.handler ?? noRoute;
      params = route?.params ?? {};
    } catch (error) {
      // A route's parameter that cannot be decoded.
      handler = () => Promise.reject(error);
      params = {};
    }
    void handle(req, res, method, path, q < 0 ? '' : url.slice(q + 1), handler, params);
  };

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    search: string,
    handler: RouteHandler,
    params: Readonly<Record<string, string>>,
  ): Promise<void> {
    const area = areaOf(path);
    const started = performance.now();
    const query = search === '' ? {} : parseQuery(search);
    let body: unknown;
    let raw: Buffer | undefined;
    try {
      ({ body, raw } = await readRequestBody(req, area === 'page'));
    } catch (error) {
      // Not journalled: a body that cannot be read is refused before the journal.
      const failure = errorAnswer(
        toNoxError(error, area === 'data'),
        area,
        options.renderErrorPage,
        query.language,
      );
      write(
        res,
        failure.status,
        withLength({ 'content-type': failure.contentType }, failure.text),
        failure.text,
      );
      return;
    }
    const journalled = area !== 'control';
    const kept = raw !== undefined && raw.length <= MAX_JOURNAL_BODY_BYTES ? raw : undefined;
    // Copied now (or its text kept): the unknown properties are dropped from `body` below.
    const sent = !journalled || kept ? undefined : journalBody(body);
    const mockReq: MockRequest = {
      method,
      path,
      query,
      headers: req.headers,
      body,
      params,
      param: (name) => {
        const value = params[name];
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
      app,
    };
    const answer = (status: number, headers: Record<string, string>, text: string | undefined) => {
      const all = withLength(headers, text);
      // First, as it throws on a bad status or header before anything is written.
      res.writeHead(status, all);
      // Recorded as the answer is handed over, so a client that got its answer finds it in the journal.
      if (journalled)
        recordExchange(options.journal, options.now, {
          area,
          started,
          organisationId: mockRes.locals.organisationId,
          fault: mockRes.locals.fault === true,
          request: { method, path, query: { ...query }, headers: req.headers },
          raw: kept,
          sent,
          status,
          headers: all,
          payload: text,
        });
      res.end(text);
    };
    const mockRes = createMockResponse(answer);
    try {
      if (depthOf(body) > MAX_BODY_DEPTH) throw errors.bodyTooDeep(MAX_BODY_DEPTH);
      const refused = options.guard(area, mockReq, mockRes);
      if (refused) throw refused;
      if (body !== undefined && (area === 'auth' || area === 'data')) options.dropUnknown(method, path, body);
      if (journalled) {
        const fault = await options.takeFault(mockReq, mockRes);
        if (fault) throw fault;
      }
      await handler(mockReq, mockRes);
      if (!mockRes.sent) throw new Error(`${method} ${path} answered nothing`);
    } catch (error) {
      const noxError = toNoxError(error, area === 'data');
      if (!(error instanceof NoxError) && noxError.status >= 500)
        console.error('[nox-testkit] internal error', error);
      if (mockRes.sent) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const language = query.language ?? (body as { language?: unknown } | undefined)?.language;
      const failure = errorAnswer(noxError, area, options.renderErrorPage, language);
      try {
        // A refusal keeps the headers its route set (`Allow`, `WWW-Authenticate`); a mock bug keeps none, as
        // they may be what could not be written.
        const kept = error instanceof NoxError ? mockRes.headers : {};
        answer(failure.status, { ...kept, 'content-type': failure.contentType }, failure.text);
      } catch (writeError) {
        console.error('[nox-testkit] internal error', writeError);
        res.destroy();
      }
    }
  }
}

function withLength(headers: Record<string, string>, text: string | undefined): Record<string, string> {
  // Set in place (each answer has its own headers): a spread with a property after it is slow on node 20.
  if (text !== undefined) headers['content-length'] = String(Buffer.byteLength(text));
  return headers;
}

function write(res: ServerResponse, status: number, headers: Record<string, string>, text: string) {
  res.writeHead(status, headers);
  res.end(text);
}
