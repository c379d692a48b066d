import { checkUsable } from '../../domain/link/complete-link.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import type { RouteHandler } from '../../http/router.ts';
import { loginPath } from '../kit/page-paths.ts';
import { sendPage } from '../kit/send-page.ts';
import { renderBrandChoicePage } from './brand-choice-page.ts';
import { pageSession } from './page-session.ts';
import { sendLinkResult } from './send-link-result.ts';

/**
 * `GET /ui` (v2 link_url) and `GET /connect` (v1): an expired or used link ends at once, a pre-selected
 * brand goes straight to its login, any other link shows the brand choice.
 */
export function openLink(ctx: MockContext): RouteHandler {
  return async (req, res) => {
    const { token, session, org, language } = pageSession(ctx, res, req.query);
    const unusable = checkUsable(ctx, session);
    if (unusable) return sendLinkResult(ctx, res, unusable, language, 302);
    if (session.brand) return res.redirect(302, loginPath(session.brand, { token, language }));
    const view = { language, token, supplier: org.name, assetType: session.asset_type };
    sendPage(res, renderBrandChoicePage(view));
  };
}
