import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import encodeUrl from 'encodeurl';
import { NoxError } from '../errors/nox-error.ts';

/**
 * A request as every route of the mock sees it (NOX's APIs, the control API and the pages alike), read once
 * from node's own request by the pipeline (pipeline.ts).
 */
export interface MockRequest {
  method: string;
  /** The path without the query, not decoded. */
  path: string;
  /** The query as node's `querystring` parses it. */
  query: Record<string, string | string[] | undefined>;
  headers: IncomingHttpHeaders;
  /** The parsed body (JSON, or a page's form), undefined when the request has none; handlers validate it. */
  // biome-ignore lint/suspicious/noExplicitAny: typed by each handler once validated
  body: any;
  /** The route's `:name` segments, decoded. */
  params: Readonly<Record<string, string>>;
  /** A `:name` segment of the route, decoded; throws when the route has none of that name. */
  param(name: string): string;
  /** A header's value, repeated ones joined. */
  get(name: string): string | undefined;
  /** Always "" (there is no mount path); kept so code reads `baseUrl + path` as a validator expects. */
  baseUrl: '';
  protocol: 'http';
  socket: Socket;
  /** Where `--public-url` is kept (see public-url.ts). */
  app: { locals: { publicUrl?: string } };
}

/** What a route answers with. Nothing is written until `json`, `send`, `redirect` or `end`. */
export interface MockResponse {
  /** Who the request came from and whether a fault answered it, for the journal. */
  locals: { organisationId?: string; fault?: boolean; webAppAccount?: string };
  status(code: number): MockResponse;
  set(name: string, value: string): MockResponse;
  set(headers: Record<string, string>): MockResponse;
  /** The Content-Type of `send`: `html`, `css`, `js` or a full media type. */
  type(type: string): MockResponse;
  /** Answers the value as JSON. */
  json(body: unknown): void;
  /** Answers the text, as HTML unless `type` said otherwise. */
  send(text: string): void;
  /** Answers a redirect to the URL (its Location encoded as a URL must be). */
  redirect(status: number, url: string): void;
  /** Answers with no body. */
  end(): void;
}

export type RouteHandler = (req: MockRequest, res: MockResponse) => void | Promise<void>;

interface Route {
  method: string;
  path: string;
  handler: RouteHandler;
}

/** Routes by method and path (`router.post(path, handler)`, `router.use(other)`); paths have `:name` segments. */
export interface Router {
  get(path: string | string[], handler: RouteHandler): void;
  post(path: string | string[], handler: RouteHandler): void;
  put(path: string | string[], handler: RouteHandler): void;
  patch(path: string | string[], handler: RouteHandler): void;
  delete(path: string | string[], handler: RouteHandler): void;
  /** Adds a route by method name (upper case). */
  add(method: string, path: string, handler: RouteHandler): void;
  use(other: Router): void;
  readonly routes: readonly Route[];
}

export function createRouter(): Router {
  const routes: Route[] = [];
  const add = (method: string, path: string, handler: RouteHandler) => {
    routes.push({ method, path, handler });
  };
  const adder = (method: string) => (paths: string | string[], handler: RouteHandler) => {
    for (const path of Array.isArray(paths) ? paths : [paths]) add(method, path, handler);
  };
  return {
    get: adder('GET'),
    post: adder('POST'),
    put: adder('PUT'),
    patch: adder('PATCH'),
    delete: adder('DELETE'),
    add,
    use: (other) => {
      routes.push(...other.routes);
    },
    routes,
  };
}

export interface RouteMatch {
  handler: RouteHandler;
  params: Readonly<Record<string, string>>;
}

export interface RouteMatcher {
  /** The route of a method and path, or null. */
  match(method: string, path: string): RouteMatch | null;
  /** The methods the routes have at a path (for a 405's Allow). */
  methodsAt(path: string): string[];
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Finds the route of a method and path: a fixed path by one map lookup, a path with `:params` by its
 * pattern. Paths match exactly and case-sensitively, as NOX's (FastAPI's) do; the first route added wins.
 */
export function createRouteMatcher(routes: readonly Route[]): RouteMatcher {
  const fixed = new Map<string, RouteHandler>();
  const patterned: { method: string; pattern: RegExp; names: string[]; handler: RouteHandler }[] = [];
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
  return {
    match(method, path) {
      const handler = fixed.get(`${method} ${path}`);
      if (handler) return { handler, params: NO_PARAMS };
      for (const route of patterned) {
        if (route.method !== method) continue;
        const found = route.pattern.exec(path);
        if (!found) continue;
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => {
          params[name] = decodeParam(found[i + 1] as string);
        });
        return { handler: route.handler, params };
      }
      return null;
    },
    methodsAt(path) {
      const methods = routes
        .filter(
          (r) => r.path === path || patterned.some((p) => p.method === r.method && p.pattern.test(path)),
        )
        .map((r) => r.method);
      return [...new Set(methods)];
    },
  };
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new NoxError(400, `Failed to decode param '${value}'`);
  }
}

const MEDIA_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * The MockResponse over a writer of whole answers: `send` writes the status, headers and body in one go.
 * It counts as sent only once `send` returned: an answer that cannot be written (a value JSON cannot
 * hold, a bad header) leaves it unsent, so the pipeline still answers with a 500.
 */
export function createMockResponse(
  send: (status: number, headers: Record<string, string>, body: string | undefined) => void,
): MockResponse & { readonly sent: boolean; readonly headers: Record<string, string> } {
  let statusCode = 200;
  let sent = false;
  const headers: Record<string, string> = {};
  const answer = (text: string | undefined) => {
    if (sent) throw new Error('the request was answered already');
    send(statusCode, headers, text);
    sent = true;
  };
  const response = {
    locals: {},
    /** The headers set so far (an error answer keeps them). */
    headers,
    get sent() {
      return sent;
    },
    status(code: number) {
      statusCode = code;
      return response;
    },
    set(name: string | Record<string, string>, value?: string) {
      if (typeof name === 'string') headers[name.toLowerCase()] = value as string;
      else for (const [key, v] of Object.entries(name)) headers[key.toLowerCase()] = v;
      return response;
    },
    type(type: string) {
      headers['content-type'] = MEDIA_TYPES[type] ?? type;
      return response;
    },
    json(body: unknown) {
      const text = JSON.stringify(body);
      headers['content-type'] = MEDIA_TYPES.json as string;
      answer(text);
    },
    send(text: string) {
      const type = headers['content-type'] ?? (MEDIA_TYPES.html as string);
      // Text goes out as UTF-8, and says so.
      headers['content-type'] = /;\s*charset=/i.test(type) ? type : `${type}; charset=utf-8`;
      answer(text);
    },
    redirect(status: number, url: string) {
      statusCode = status;
      headers.location = encodeUrl(url);
      headers['content-type'] = 'text/plain; charset=utf-8';
      answer(`Found. Redirecting to ${headers.location}`);
    },
    end() {
      answer(undefined);
    },
  };
  return response;
}
