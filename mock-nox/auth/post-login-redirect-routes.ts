import type { MockContext } from '../domain/mock-context.ts';
import {
  confirmSupplierLogin,
  type PostLoginRedirectRequest,
} from '../domain/supplier-auth/confirm-supplier-login.ts';
import { authenticate } from '../http/api-key.ts';
import { type ApiRouter, createApiRouter } from '../http/api-router.ts';
import { createRequestValidator } from '../http/request-validator.ts';

/** POST /post-login-redirect: the supplier's backend confirms its user for a state (modelled). */
export function createPostLoginRedirectRoutes(ctx: MockContext): ApiRouter {
  const router = createApiRouter();
  const validate = createRequestValidator('nox-auth');

  router.post('/post-login-redirect', async (req, res) => {
    const org = authenticate(ctx, req, res, 'supplier', { allowAuthorizationHeader: true });
    validate(req);
    const body: PostLoginRedirectRequest = req.body;
    try {
      res.status(200).json(confirmSupplierLogin(ctx, org, body));
    } finally {
      // A refusal can change the session too (expired, duplicate_connection): keep it either way.
      await ctx.store.commit();
    }
  });

  return router;
}
