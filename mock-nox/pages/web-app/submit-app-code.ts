import { ONE_TIME_CODE } from '../../domain/link/manufacturer-accounts.ts';
import { errors } from '../../errors/error-templates.ts';
import type { RouteHandler } from '../../http/router.ts';
import { readForm } from '../kit/read-form.ts';
import { sendPage } from '../kit/send-page.ts';
import { textsFor } from '../kit/texts.ts';
import { renderAppCodePage } from './app-login-pages.ts';
import { decodePass, webAppPath } from './web-app-pass.ts';
import { webAppBrand, webAppLanguage } from './web-app-request.ts';

/** `POST /ui/app/login/:brand/otp`: the one-time code of a `+otp` account; the right code signs in. */
export function submitAppCode(): RouteHandler {
  return (req, res) => {
    const form = readForm(req.body);
    const language = webAppLanguage(form.language);
    const brand = webAppBrand(req.params.brand);
    if (form.action === 'cancel') return res.redirect(303, `/ui/app?language=${language}`);
    const pass = decodePass(form.token);
    if (!pass?.signIn?.awaitingCode || pass.brand !== brand.slug) {
      throw errors.webAppNoCodeRequested(brand.name);
    }
    if (form.code.trim() !== ONE_TIME_CODE) {
      const error = textsFor(language).wrongCode;
      return sendPage(res, renderAppCodePage({ language, brand, token: form.token, error }));
    }
    res.redirect(303, webAppPath('home', pass, language));
  };
}
