import { accountBehaviour } from '../../domain/link/manufacturer-accounts.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import type { RouteHandler } from '../../http/router.ts';
import { sendPage } from '../kit/send-page.ts';
import { connectedSuppliers } from './account-links.ts';
import { renderHomePage } from './home-page.ts';
import { signedInPass, webAppLanguage } from './web-app-request.ts';

/** `GET /ui/app/home`: the signed-in start: turn on NOX optimisations, or with whom they are on. */
export function showHome(ctx: MockContext): RouteHandler {
  return (req, res) => {
    const { pass, brand } = signedInPass(req.query.token, res);
    const language = webAppLanguage(req.query.language);
    const deviceCount = accountBehaviour(pass.account).deviceCount;
    const suppliers = connectedSuppliers(ctx, pass).map((o) => o.name);
    sendPage(res, renderHomePage({ language, pass, brand, deviceCount, suppliers }));
  };
}
