import type { MockContext } from '../domain/mock-context.ts';
import { confirmSupplierLogin } from '../domain/supplier-auth/confirm-supplier-login.ts';
import { createApiRoute } from '../http/api-route.ts';
import { createRouter, type Router } from '../http/router.ts';

/** POST /post-login-redirect: the supplier's backend confirms its user for a state (modelled). */
export function createPostLoginRedirectRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-auth');

  // A refusal can change the session too (expired, duplicate_connection): the route commits it either way.
  router.post(
    '/post-login-redirect',
    route({
      operation: 'postLoginRedirect',
      kind: 'supplier',
      v1: true,
      handle: ({ org, body, res }) => {
        res.status(200).json(confirmSupplierLogin(ctx, org, body));
      },
    }),
  );

  return router;
}
