import { checkUsable, completeLogin, failLink, type LinkResult } from '../../domain/link/complete-link.ts';
import { loginBrand } from '../../domain/link/login-brand.ts';
import { ONE_TIME_CODE } from '../../domain/link/manufacturer-accounts.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import { errors } from '../../errors/error-templates.ts';
import type { RouteHandler } from '../../http/router.ts';
import { readForm } from '../kit/read-form.ts';
import { sendPage } from '../kit/send-page.ts';
import { textsFor } from '../kit/texts.ts';
import { renderOneTimeCodePage } from './one-time-code-page.ts';
import { pageSession } from './page-session.ts';
import { sendLinkResult } from './send-link-result.ts';

/** `POST /ui/login/:brand/otp`: the one-time-code step of a `+otp` account; the right code logs in. */
export function submitCode(ctx: MockContext): RouteHandler {
  return async (req, res) => {
    const form = readForm(req.body);
    const { token, session, language } = pageSession(ctx, res, form);
    const brand = loginBrand(session, String(req.params.brand));
    const respond = (result: LinkResult) => sendLinkResult(ctx, res, result, language, 303);

    if (form.action === 'cancel') return respond(failLink(ctx, session, 'access_denied'));
    const unusable = checkUsable(ctx, session);
    if (unusable) return respond(unusable);
    const login = session.login;
    if (!login?.awaiting_otp || login.brand !== brand.slug) throw errors.noCodeRequested(brand.name);
    if (form.code.trim() !== ONE_TIME_CODE) {
      const error = textsFor(language).wrongCode;
      return sendPage(res, renderOneTimeCodePage({ language, token, brand, error }));
    }
    return respond(completeLogin(ctx, session, brand, login.username));
  };
}
