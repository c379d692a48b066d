import type { RouteHandler } from '../../http/router.ts';
import { sendPage } from '../kit/send-page.ts';
import { renderStartPage } from './start-page.ts';
import { webAppLanguage } from './web-app-request.ts';

/** `GET /ui/app`: the NOX web app's sign-in, choosing the manufacturer first. */
export function showStart(): RouteHandler {
  return (req, res) => sendPage(res, renderStartPage(webAppLanguage(req.query.language)));
}
