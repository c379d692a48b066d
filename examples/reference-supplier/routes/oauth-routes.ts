import { type Response, Router } from 'express';
import { confirmLogin } from '../confirm-login.ts';
import type { PostLoginRedirect } from '../nox-client.ts';
import { NoxRequestError } from '../nox-error.ts';
import { isNoxReturnUri } from '../nox-return-uri.ts';
import { oauthPage } from '../pages/oauth-page.ts';
import type { SupplierContext } from '../supplier-context.ts';
import { isCustomerId } from './login-routes.ts';
import { notConfirmed, storeConnection } from './oauth-answers.ts';
import { queryValue } from './query-value.ts';
import { sendFailure } from './send-failure.ts';

/**
 * GET /oauth/nox: the OAuth login page NOX sends the user to (flow 2) with state, redirect_uri and
 * language; POST /oauth/nox: its form. Accepting logs the customer in, names them to NOX with
 * POST /post-login-redirect and sends the browser to the redirect_url NOX answered; refusing sends it back
 * to NOX's return page with error=access_denied.
 */
export function createOAuthRoutes(ctx: SupplierContext): Router {
  const router = Router();
  router.get('/oauth/nox', (req, res) => {
    const state = queryValue(req.query.state);
    if (!state) return sendFailure(res, 400, { code: 'invalid_request', details: [noState] });
    const redirectUri = queryValue(req.query.redirect_uri) ?? '';
    const language = queryValue(req.query.language) || 'en';
    const customerId = ctx.sessions.customerOf(req);
    res.type('html').send(oauthPage({ state, redirectUri, language, customerId }));
  });

  router.post('/oauth/nox', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const state = queryValue(form.state);
    const redirectUri = queryValue(form.redirect_uri) ?? '';
    const decision = queryValue(form.decision);
    if (!state) return sendFailure(res, 400, { code: 'invalid_request', details: [noState] });
    // FLAW: confirm-after-refusal goes on as if the user had accepted: it confirms the login to NOX.
    if (decision === 'refuse' && !ctx.hasFlaw('confirm-after-refusal'))
      return refuse(ctx, res, state, redirectUri);
    if (decision !== 'accept' && decision !== 'refuse')
      return sendFailure(res, 400, {
        code: 'invalid_request',
        details: ['decision must be accept or refuse'],
      });
    const customerId = (queryValue(form.customer_id) ?? '').trim();
    if (!isCustomerId(customerId)) {
      const language = queryValue(form.language) || 'en';
      const error = 'A customer id is 1 to 100 printable characters.';
      const page = oauthPage({ state, redirectUri, language, customerId: null, error });
      return void res.status(400).type('html').send(page);
    }
    const before = ctx.store.lastLoggedIn;
    ctx.sessions.logIn(res, customerId);
    // FLAW: redirect-before-post sends the browser back to NOX first (and never gets to the POST).
    if (ctx.hasFlaw('redirect-before-post')) return res.redirect(303, withState(redirectUri, state));
    // FLAW: post-other-customer reads the "current customer" global before this login has set it.
    const userId = ctx.hasFlaw('post-other-customer') ? (before ?? customerId) : customerId;
    let answer: PostLoginRedirect;
    try {
      answer = await confirmLogin(ctx, state, userId);
    } catch (error) {
      if (!(error instanceof NoxRequestError)) throw error;
      return notConfirmed(ctx, res, customerId, error);
    }
    await storeConnection(ctx, customerId, answer);
    // FLAW: open-redirect trusts the redirect_uri the page was opened with.
    res.redirect(303, ctx.hasFlaw('open-redirect') ? redirectUri : returnUrl(ctx, answer.redirect_url));
  });
  return router;
}

const noState = "The page lacks NOX's state: open it from your manufacturer's app or NOX's web app.";

const withState = (uri: string, state: string) => {
  const url = new URL(uri);
  url.searchParams.set('state', state);
  return url.toString();
};

/** Refused terms: back to NOX's return page with error=access_denied (RFC 6749), and only to that page. */
function refuse(ctx: SupplierContext, res: Response, state: string, redirectUri: string) {
  if (!isNoxReturnUri(ctx.config, redirectUri))
    return sendFailure(res, 400, {
      code: 'invalid_request',
      details: ["redirect_uri is not NOX's return page, so this page does not send you there."],
    });
  const url = new URL(redirectUri);
  // FLAW: refusal-without-error sends the browser back as if nothing was refused.
  if (!ctx.hasFlaw('refusal-without-error')) url.searchParams.set('error', 'access_denied');
  url.searchParams.set('state', state);
  res.redirect(303, returnUrl(ctx, url.toString()));
}

/** The way back to NOX, with its state. */
function returnUrl(ctx: SupplierContext, url: string): string {
  if (!ctx.hasFlaw('return-without-state')) return url;
  // FLAW: return-without-state rebuilds the way back from its own parts and leaves out NOX's state.
  const stripped = new URL(url);
  stripped.searchParams.delete('state');
  return stripped.toString();
}
