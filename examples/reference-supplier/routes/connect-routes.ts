import { type Request, type Response, Router } from 'express';
import { type ConnectInput, readConnectInput } from '../connect-input.ts';
import type { LinkSessionRequest } from '../nox-client.ts';
import { NoxRequestError } from '../nox-error.ts';
import type { SupplierContext } from '../supplier-context.ts';
import { WRONG_REDIRECT_URL } from '../supplier-flaws.ts';
import { sendFailure } from './send-failure.ts';

/**
 * POST /nox/connect (the dashboard's buttons) and GET /nox/connect?asset_type=… (a link): creates a NOX
 * link session for the logged-in customer and sends the browser to NOX's link_url.
 */
export function createConnectRoutes(ctx: SupplierContext): Router {
  const router = Router();
  const connect = async (req: Request, res: Response, form: Record<string, unknown>) => {
    const customerId = ctx.sessions.customerOf(req);
    if (!customerId) return sendFailure(res, 401, { code: 'not_logged_in' });
    const input = readConnectInput(form);
    if ('problems' in input)
      return sendFailure(res, 400, { code: 'invalid_request', details: input.problems, customerId });
    try {
      const session = await ctx.nox.createLinkSession(linkSessionBody(ctx, req, customerId, input));
      const { link_token, created_at, expires_at } = session;
      ctx.store.pendingLinks.set(customerId, {
        link_token,
        asset_type: input.assetType,
        created_at,
        expires_at,
      });
      if (ctx.hasFlaw('mark-connected-on-start')) markConnected(ctx, customerId, input); // FLAW: mark-connected-on-start
      res.redirect(303, session.link_url);
    } catch (error) {
      if (!(error instanceof NoxRequestError)) throw error;
      // FLAW: no-error-page lets the failure through as a bare 500.
      if (ctx.hasFlaw('no-error-page'))
        return void res.status(500).type('text').send('Internal Server Error');
      sendFailure(res, 502, { code: 'nox_unavailable', details: error.messages, customerId });
    }
  };
  router.post('/nox/connect', (req, res) => connect(req, res, req.body ?? {}));
  router.get('/nox/connect', (req, res) => connect(req, res, req.query));
  return router;
}

/** The link session for this customer: NOX sends the browser back to this app's callback. */
function linkSessionBody(
  ctx: SupplierContext,
  req: Request,
  customerId: string,
  { assetType, language, brand }: ConnectInput,
): LinkSessionRequest {
  const body: LinkSessionRequest = {
    user_id: customerId,
    redirect_url: `${ctx.publicUrl(req)}/nox/callback`,
    asset_type: assetType,
    language,
    ...(brand ? { brand } : {}),
  };
  if (ctx.hasFlaw('omit-asset-type')) delete body.asset_type; // FLAW: omit-asset-type
  if (ctx.hasFlaw('wrong-redirect-url')) body.redirect_url = WRONG_REDIRECT_URL; // FLAW: wrong-redirect-url
  return body;
}

/** The flaw's shortcut: a connection with nothing from NOX in it yet, stored before the user even left. */
function markConnected(ctx: SupplierContext, customerId: string, { assetType, brand }: ConnectInput): void {
  ctx.store.connections.set(customerId, {
    ...{ nox_user_id: '', brand: brand ?? 'unknown', asset_type: assetType, device_ids: [] },
    ...{ connected_at: ctx.nowSeconds(), devices_fetched: [], linked_via: 'link-session' },
  });
}
