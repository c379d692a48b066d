import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { NoxError } from '../errors/nox-error.ts';

/**
 * A request to NOX's APIs as their handlers see it: the part of Express's `Request` they use, read once
 * from node's own request (see api-dispatch.ts for why the APIs do not run on Express).
 */
export interface ApiRequest {
  method: string;
  /** The path without the query, not decoded (as Express's `req.path`). */
  path: string;
  /** The query as node's `querystring` parses it (Express's "simple" query parser). */
  query: Record<string, string | string[] | undefined>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, undefined when the request has none; as on Express, handlers validate it first. */
  // biome-ignore lint/suspicious/noExplicitAny: typed by each handler once validated, as Express's req.body
  body: any;
  /** The route's `:name` segment, decoded. */
  param(name: string): string;
  /** A header's value (as Express's `req.get`). */
  get(name: string): string | undefined;
  /** Always "" (there is no mount path); kept so code shared with Express reads `baseUrl + path`. */
  baseUrl: '';
  protocol: 'http';
  socket: Socket;
  /** As on Express's app: where `--public-url` is kept (see public-url.ts). */
  app: { locals: { publicUrl?: string } };
}

/** What an API handler answers with: the part of Express's `Response` the handlers use. */
export interface ApiResponse {
  /** Who the request came from and whether a fault answered it, for the journal (as Express's `res.locals`). */
  locals: { organisationId?: string; fault?: boolean };
  status(code: number): ApiResponse;
  set(name: string, value: string): ApiResponse;
  /** Answers the value as JSON. */
  json(body: unknown): void;
  /** Answers with no body. */
  end(): void;
}

export type ApiHandler = (req: ApiRequest, res: ApiResponse) => void | Promise<void>;

interface Route {
  method: string;
  path: string;
  handler: ApiHandler;
}

/** Registers API routes the way Express's Router does (`router.post(path, handler)`, `router.use(other)`). */
export interface ApiRouter {
  get(path: string, handler: ApiHandler): void;
  post(path: string, handler: ApiHandler): void;
  patch(path: string, handler: ApiHandler): void;
  delete(path: string, handler: ApiHandler): void;
  use(other: ApiRouter): void;
  readonly routes: readonly Route[];
}

export function createApiRouter(): ApiRouter {
  const routes: Route[] = [];
  const add = (method: string) => (path: string, handler: ApiHandler) => {
    routes.push({ method, path, handler });
  };
  return {
    get: add('GET'),
    post: add('POST'),
    patch: add('PATCH'),
    delete: add('DELETE'),
    use: (other) => {
      routes.push(...other.routes);
    },
    routes,
  };
}

export interface RouteMatch {
  handler: ApiHandler;
  params: ReadonlyMap<string, string>;
}

/**
 * Finds the route of a method and path: a fixed path by one map lookup, a path with `:params` by its
 * pattern. Paths match exactly and case-sensitively, as NOX's (FastAPI's) do.
 */
export function createRouteMatcher(
  routes: readonly Route[],
): (method: string, path: string) => RouteMatch | null {
  const fixed = new Map<string, ApiHandler>();
  const patterned: { method: string; pattern: RegExp; names: string[]; handler: ApiHandler }[] = [];
  for (const route of routes) {
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
    const key = `${route.method} ${route.path}`;
    if (names.length === 0) {
      if (!fixed.has(key)) fixed.set(key, route.handler);
      continue;
    }
    const source = route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '([^/]+)');
    patterned.push({
      method: route.method,
      pattern: new RegExp(`^${source}$`),
      names,
      handler: route.handler,
    });
  }
  return (method, path) => {
    const handler = fixed.get(`${method} ${path}`);
    if (handler) return { handler, params: new Map() };
    for (const route of patterned) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params = new Map(route.names.map((name, i) => [name, decodeParam(found[i + 1] as string)]));
      return { handler: route.handler, params };
    }
    return null;
  };
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new NoxError(400, `Failed to decode param '${value}'`);
  }
}

/**
 * The ApiResponse over node's response; `send` writes the status, headers and body in one go. It counts as
 * sent only once `send` returned: an answer that cannot be written (a value JSON cannot hold, a bad header)
 * leaves it unsent, so the dispatcher still answers with a 500.
 */
export function createApiResponse(
  send: (status: number, headers: Record<string, string>, body: string | undefined) => void,
): ApiResponse & { readonly sent: boolean } {
  let statusCode = 200;
  let sent = false;
  const headers: Record<string, string> = {};
  const response = {
    locals: {},
    get sent() {
      return sent;
    },
    status(code: number) {
      statusCode = code;
      return response;
    },
    set(name: string, value: string) {
      headers[name.toLowerCase()] = value;
      return response;
    },
    json(body: unknown) {
      if (sent) throw new Error('the request was answered already');
      const text = JSON.stringify(body);
      headers['content-type'] = 'application/json; charset=utf-8';
      send(statusCode, headers, text);
      sent = true;
    },
    end() {
      if (sent) throw new Error('the request was answered already');
      send(statusCode, headers, undefined);
      sent = true;
    },
  };
  return response;
}
