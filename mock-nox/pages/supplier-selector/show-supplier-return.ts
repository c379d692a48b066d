import type { MockContext } from '../../domain/mock-context.ts';
import { pageLanguage } from '../../domain/page-language.ts';
import { returnToNox } from '../../domain/supplier-auth/return-to-nox.ts';
import { errors } from '../../errors/error-templates.ts';
import type { RouteHandler } from '../../http/router.ts';
import { renderErrorPage } from '../kit/render-error-page.ts';
import { sendPage } from '../kit/send-page.ts';
import { renderReturnPage } from './return-page.ts';
import { wayBackOf } from './way-back.ts';

/**
 * `GET /ui/supplier-return?state=…[&error=…]`, the redirect_uri NOX gives the supplier: an unknown state
 * is NOX's 404 page (never a redirect, so no one can bounce users through NOX); a manufacturer's session
 * goes back to its redirect_url; a web-app session (or failure redirects off) ends on NOX's own page.
 */
export function showSupplierReturn(ctx: MockContext): RouteHandler {
  return async (req, res) => {
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    if (!state) throw errors.supplierReturnStateMissing();
    const error = typeof req.query.error === 'string' ? req.query.error : undefined;
    const result = returnToNox(ctx, state, error);
    if (result.kind === 'unknown') {
      const message = errors.supplierReturnStateUnknown().message;
      return sendPage(res, renderErrorPage(message, req.query.language), 404);
    }
    const { session } = result;
    res.locals.organisationId = session.supplier_organisation_id;
    await ctx.store.commit();
    if (result.kind === 'redirect') return res.redirect(302, result.url);
    const language = pageLanguage(req.query.language, pageLanguage(session.language, 'nl'));
    const supplier = ctx.store.peek.organisation(session.supplier_organisation_id);
    const failure = result.outcome === 'connected' ? null : result.outcome;
    const view = {
      language,
      supplier: supplier?.name ?? '',
      error: failure,
      wayBack: wayBackOf(ctx, session, language),
    };
    sendPage(res, renderReturnPage(view));
  };
}
