import type { operations as AuthOperations } from '../../openapi/generated/nox-auth.ts';
import type { operations as DataOperations } from '../../openapi/generated/nox-data.ts';
import type { MockContext } from '../domain/mock-context.ts';
import type { Organisation, OrganisationKind } from '../store/schema.ts';
import { authenticate } from './api-key.ts';
import type { JsonBody, PathParams, QueryOf } from './operation-types.ts';
import { createRequestValidator } from './request-validator.ts';
import type { MockRequest, MockResponse, RouteHandler } from './router.ts';

/** The OpenAPI files of NOX's APIs, each with the operations openapi-typescript generated from it. */
interface ApiSpecs {
  'nox-auth': AuthOperations;
  'nox-data': DataOperations;
}

/** What a handler gets: the caller checked, the request validated against its operation and typed from it. */
export interface ApiCall<Op> {
  /** The organisation behind the request's API key. */
  org: Organisation;
  /** The JSON body, valid against the operation's schema. */
  body: JsonBody<Op>;
  /** The query with its types coerced and its defaults filled in (`req.query` is the one sent). */
  query: QueryOf<Op>;
  /** A `:name` segment of the route, decoded. */
  param(name: keyof PathParams<Op> & string): string;
  /** The caller's virtual time, in unix seconds. */
  now: number;
  req: MockRequest;
  /** Answers once the handler's changes are committed (see apiRoute). */
  res: MockResponse;
}

export interface ApiRouteOptions<Ops, K extends keyof Ops> {
  /** The operationId in the spec: it types the body, query and params (the validator finds it by method and path). */
  operation: K;
  /** The organisation kind(s) the endpoint serves; another kind's key is refused (403). */
  kind: OrganisationKind | OrganisationKind[];
  /** NOX's deprecated v1 endpoints also take the key as `Authorization: ApiKey <key>`. */
  v1?: boolean;
  /**
   * The body as it is to be validated, given the caller (an opt-in policy's default, say); runs after the
   * key is checked. The journal keeps the body as it was sent.
   */
  bodyOf?(org: Organisation, sent: unknown): unknown;
  handle(call: ApiCall<Ops[K]>): void | Promise<void>;
}

/**
 * Makes the handlers of one of NOX's APIs: each checks the API key (a missing or unknown key is answered
 * before a bad request, as NOX does), validates the request against its operation in openapi/<spec>.yaml,
 * runs `handle` with what it checked, then commits the store once if the handler changed anything (its
 * answer goes out after the commit, so a client never sees an answer whose change is not durable). A
 * handler that throws after changing something (a refusal that marks a session, say) is committed too.
 * A request refused before the handler, or a read, writes nothing.
 */
export function createApiRoute<S extends keyof ApiSpecs>(ctx: MockContext, spec: S) {
  const validate = createRequestValidator(spec);
  return <K extends keyof ApiSpecs[S]>(options: ApiRouteOptions<ApiSpecs[S], K>): RouteHandler => {
    const keyOptions = { allowAuthorizationHeader: options.v1 === true };
    return async (req, res) => {
      const org = authenticate(ctx, req, res, options.kind, keyOptions);
      const body = options.bodyOf ? options.bodyOf(org, req.body) : req.body;
      const query = validate<QueryOf<ApiSpecs[S][K]>>(body === req.body ? req : { ...validated(req), body });
      const revision = ctx.store.revision;
      const answer = deferredResponse(res);
      const now = ctx.clock.now(org.id);
      const call = { org, body, query, param: req.param, now, req, res: answer.res } as ApiCall<
        ApiSpecs[S][K]
      >;
      try {
        await options.handle(call);
      } finally {
        if (ctx.store.revision !== revision) await ctx.store.commit();
      }
      answer.send();
    };
  };
}

const validated = (req: MockRequest) => ({
  method: req.method,
  baseUrl: req.baseUrl,
  path: req.path,
  query: req.query,
});

/** A response whose `json`/`end` are held until `send()`, so that the commit comes before the answer. */
function deferredResponse(res: MockResponse): { res: MockResponse; send(): void } {
  let answer: (() => void) | undefined;
  const hold = (send: () => void) => {
    if (answer) throw new Error('the request was answered already');
    answer = send;
  };
  const held: MockResponse = {
    locals: res.locals,
    status(code) {
      res.status(code);
      return held;
    },
    set(name: string | Record<string, string>, value?: string) {
      if (typeof name === 'string') res.set(name, value as string);
      else res.set(name);
      return held;
    },
    type(type) {
      res.type(type);
      return held;
    },
    json: (body) => hold(() => res.json(body)),
    send: (text) => hold(() => res.send(text)),
    redirect: (status, url) => hold(() => res.redirect(status, url)),
    end: () => hold(() => res.end()),
  };
  return { res: held, send: () => answer?.() };
}
