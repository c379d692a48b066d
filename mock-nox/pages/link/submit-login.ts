import { checkUsable, completeLogin, failLink, type LinkResult } from '../../domain/link/complete-link.ts';
import { loginBrand } from '../../domain/link/login-brand.ts';
import { accountBehaviour } from '../../domain/link/manufacturer-accounts.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import type { RouteHandler } from '../../http/router.ts';
import type { LinkSession } from '../../store/schema.ts';
import { readForm } from '../kit/read-form.ts';
import { sendPage } from '../kit/send-page.ts';
import { textsFor } from '../kit/texts.ts';
import { renderLoginPage } from './login-page.ts';
import { renderOneTimeCodePage } from './one-time-code-page.ts';
import { pageSession } from './page-session.ts';
import { sendLinkResult } from './send-link-result.ts';

/**
 * `POST /ui/login/:brand`: the username decides the outcome (see manufacturer-accounts.ts): cancel, a
 * locked account, a first wrong password, a one-time-code step, or the login that connects the devices.
 */
export function submitLogin(ctx: MockContext): RouteHandler {
  return async (req, res) => {
    const form = readForm(req.body);
    const { token, session, org, language } = pageSession(ctx, res, form);
    const brand = loginBrand(session, String(req.params.brand));
    const t = textsFor(language);
    const view = { language, token, brand, supplier: org.name, username: form.username };
    const respond = (result: LinkResult) => sendLinkResult(ctx, res, result, language, 303);

    if (form.action === 'cancel') return respond(failLink(ctx, session, 'access_denied'));
    const unusable = checkUsable(ctx, session);
    if (unusable) return respond(unusable);
    if (!form.username.trim() || !form.password) {
      return sendPage(res, renderLoginPage({ ...view, error: t.fieldsRequired }));
    }
    const behaviour = accountBehaviour(form.username);
    if (behaviour.locked) return sendPage(res, renderLoginPage({ ...view, error: t.accountLocked }));
    const failedAttempts = earlierFailures(session, brand.slug, behaviour.account);
    if (behaviour.wrongPasswordFirst && failedAttempts === 0) {
      session.login = {
        brand: brand.slug,
        username: form.username,
        failed_password_attempts: 1,
        awaiting_otp: false,
      };
      await ctx.store.commit();
      return sendPage(res, renderLoginPage({ ...view, error: t.wrongPassword }));
    }
    if (behaviour.oneTimeCode) {
      session.login = {
        brand: brand.slug,
        username: form.username,
        failed_password_attempts: failedAttempts,
        awaiting_otp: true,
      };
      await ctx.store.commit();
      return sendPage(res, renderOneTimeCodePage({ language, token, brand }));
    }
    return respond(completeLogin(ctx, session, brand, form.username));
  };
}

/** Wrong passwords counted so far for this account at this brand; another account starts again at 0. */
function earlierFailures(session: LinkSession, brand: string, account: string): number {
  const login = session.login;
  if (!login || login.brand !== brand || accountBehaviour(login.username).account !== account) return 0;
  return login.failed_password_attempts;
}
