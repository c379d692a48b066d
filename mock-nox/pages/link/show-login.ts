import { checkUsable } from '../../domain/link/complete-link.ts';
import { loginBrand } from '../../domain/link/login-brand.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import type { RouteHandler } from '../../http/router.ts';
import { sendPage } from '../kit/send-page.ts';
import { renderLoginPage } from './login-page.ts';
import { pageSession } from './page-session.ts';
import { sendLinkResult } from './send-link-result.ts';

/** `GET /ui/login/:brand`: the fake manufacturer login (shown even during a simulated brand outage). */
export function showLogin(ctx: MockContext): RouteHandler {
  return async (req, res) => {
    const { token, session, org, language } = pageSession(ctx, res, req.query);
    const brand = loginBrand(session, String(req.params.brand));
    const unusable = checkUsable(ctx, session);
    if (unusable) return sendLinkResult(ctx, res, unusable, language, 302);
    sendPage(res, renderLoginPage({ language, token, brand, supplier: org.name }));
  };
}
