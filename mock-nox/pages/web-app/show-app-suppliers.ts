import type { MockContext } from '../../domain/mock-context.ts';
import { selectableSuppliers } from '../../domain/supplier-auth/selectable-suppliers.ts';
import type { RouteHandler } from '../../http/router.ts';
import { sendPage } from '../kit/send-page.ts';
import { renderSupplierSelectorPage } from '../supplier-selector/supplier-selector-page.ts';
import { renderAppPage } from './app-frame.ts';
import { encodePass, type WebAppPass, webAppPath } from './web-app-pass.ts';
import { signedInPass, webAppLanguage } from './web-app-request.ts';

export const APP_SUPPLIERS_PATH = '/ui/app/suppliers';

/** NOX's energy-supplier selector inside the web app, with its header and a way back home. */
export function renderAppSelector(
  ctx: MockContext,
  pass: WebAppPass,
  language: ReturnType<typeof webAppLanguage>,
  error?: string,
): string {
  return renderSupplierSelectorPage({
    language,
    token: encodePass(pass),
    action: APP_SUPPLIERS_PATH,
    suppliers: selectableSuppliers(ctx),
    error,
    frame: (title, body) => renderAppPage({ language, title, body, account: pass.account }),
    backUrl: webAppPath('home', pass, language),
  });
}

/** `GET /ui/app/suppliers`: "turn on NOX optimisations" leads here, to choose the energy supplier. */
export function showAppSuppliers(ctx: MockContext): RouteHandler {
  return (req, res) => {
    const { pass } = signedInPass(req.query.token, res);
    sendPage(res, renderAppSelector(ctx, pass, webAppLanguage(req.query.language)));
  };
}
