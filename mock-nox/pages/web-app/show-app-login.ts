import type { RouteHandler } from '../../http/router.ts';
import { sendPage } from '../kit/send-page.ts';
import { renderAppLoginPage } from './app-login-pages.ts';
import { webAppBrand, webAppLanguage } from './web-app-request.ts';

/** `GET /ui/app/login/:brand`: flow 1's fake manufacturer login, for signing in to the web app. */
export function showAppLogin(): RouteHandler {
  return (req, res) => {
    const brand = webAppBrand(req.params.brand);
    sendPage(res, renderAppLoginPage({ language: webAppLanguage(req.query.language), brand, token: '' }));
  };
}
