import { accountBehaviour } from '../../domain/link/manufacturer-accounts.ts';
import type { RouteHandler } from '../../http/router.ts';
import { readForm } from '../kit/read-form.ts';
import { sendPage } from '../kit/send-page.ts';
import { textsFor } from '../kit/texts.ts';
import { renderAppCodePage, renderAppLoginPage } from './app-login-pages.ts';
import { decodePass, encodePass, webAppPath } from './web-app-pass.ts';
import { webAppBrand, webAppLanguage } from './web-app-request.ts';

/**
 * `POST /ui/app/login/:brand`: the same username rules as flow 1's login (manufacturer-accounts.ts):
 * cancel goes back to the manufacturer choice, a locked account can only cancel, a first wrong password
 * is retried, `+otp` asks for the code; any other login signs in to the web app.
 */
export function submitAppLogin(): RouteHandler {
  return (req, res) => {
    const form = readForm(req.body);
    const language = webAppLanguage(form.language);
    const brand = webAppBrand(req.params.brand);
    const t = textsFor(language);
    const again = (error: string, token = form.token) =>
      sendPage(res, renderAppLoginPage({ language, brand, token, username: form.username, error }));

    if (form.action === 'cancel') return res.redirect(303, `/ui/app?language=${language}`);
    if (!form.username.trim() || !form.password) return again(t.fieldsRequired);
    const behaviour = accountBehaviour(form.username);
    if (behaviour.locked) return again(t.accountLocked);
    const earlier = decodePass(form.token);
    const sameAccount = earlier?.brand === brand.slug && earlier.account === behaviour.account;
    const failed = sameAccount ? (earlier.signIn?.failed ?? 0) : 0;
    const pass = { brand: brand.slug, account: behaviour.account };
    if (behaviour.wrongPasswordFirst && failed === 0) {
      return again(t.wrongPassword, encodePass({ ...pass, signIn: { failed: 1, awaitingCode: false } }));
    }
    if (behaviour.oneTimeCode) {
      const token = encodePass({ ...pass, signIn: { failed, awaitingCode: true } });
      return sendPage(res, renderAppCodePage({ language, brand, token }));
    }
    res.redirect(303, webAppPath('home', pass, language));
  };
}
