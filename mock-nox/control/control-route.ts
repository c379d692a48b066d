import type { operations } from '../../openapi/generated/nox-control.ts';
import { loadSpec } from '../../openapi/validator/load-spec.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { getOrganisation } from '../domain/organisations.ts';
import { createUnknownPropertyCheck } from '../http/known-properties.ts';
import type { JsonBody, PathParams, QueryOf } from '../http/operation-types.ts';
import { createRequestValidator } from '../http/request-validator.ts';
import type { MockRequest, MockResponse, Router } from '../http/router.ts';

type Operation = keyof operations;

/** What a control handler gets: the request validated against its operation and typed from it. */
export interface ControlCall<K extends Operation> {
  body: JsonBody<operations[K]>;
  /** The query with its types coerced and its defaults filled in. */
  query: QueryOf<operations[K]>;
  param(name: keyof PathParams<operations[K]> & string): string;
  /** The `organisation_id` of the body or query, checked to exist (404 if not). */
  orgId: string | undefined;
  req: MockRequest;
}

/** An answer that is not JSON made here: text of its own type with headers (a Pact message, say). */
export class TextAnswer {
  constructor(
    readonly text: string,
    readonly type: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** Where each operation of openapi/nox-control.yaml is served: its method and path (`{name}` as `:name`). */
function operationRoutes(): Map<string, { method: string; path: string }> {
  const found = new Map<string, { method: string; path: string }>();
  // biome-ignore lint/suspicious/noExplicitAny: the parsed OpenAPI YAML is walked as plain data
  for (const [path, item] of Object.entries<any>(loadSpec('nox-control.yaml').paths ?? {}))
    for (const [method, op] of Object.entries<{ operationId?: string }>(item))
      if (op?.operationId)
        found.set(op.operationId, { method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ':$1') });
  return found;
}

/**
 * Adds the control API's routes to a router, one call each: `control('getClock', ({ orgId }) => …)`.
 * The method and path are the operation's in openapi/nox-control.yaml. Before the handler, the request is
 * validated against the operation (a field the spec does not know is a typo, refused with 400) and the
 * `organisation_id` it names is checked to exist; the handler returns the JSON answer (or a TextAnswer),
 * which goes out after one commit, made only if the handler changed anything (also when it then threw).
 */
export function createControlRoute(ctx: MockContext, router: Router) {
  const validate = createRequestValidator('nox-control');
  const refuseUnknown = createUnknownPropertyCheck('nox-control');
  const routes = operationRoutes();
  return <K extends Operation>(
    operation: K,
    handle: (call: ControlCall<K>) => unknown,
    status = 200,
  ): void => {
    const route = routes.get(operation);
    if (!route) throw new Error(`openapi/nox-control.yaml has no operation ${operation}`);
    router.add(route.method, route.path, async (req: MockRequest, res: MockResponse) => {
      refuseUnknown(req.method, req.path, req.body);
      const query = validate<QueryOf<operations[K]>>(req);
      const orgId: string | undefined = req.body?.organisation_id ?? req.query.organisation_id;
      if (orgId !== undefined) getOrganisation(ctx, orgId);
      const revision = ctx.store.revision;
      let answer: unknown;
      try {
        answer = await handle({ body: req.body, query, param: req.param, orgId, req });
      } finally {
        if (ctx.store.revision !== revision) await ctx.store.commit();
      }
      if (answer instanceof TextAnswer) res.set(answer.headers).type(answer.type).send(answer.text);
      else res.status(status).json(answer);
    });
  };
}
