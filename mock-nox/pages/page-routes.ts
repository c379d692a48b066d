import type { MockContext } from '../domain/mock-context.ts';
import { createRouter, type Router } from '../http/router.ts';
import { openLink } from './link/open-link.ts';
import { showLogin } from './link/show-login.ts';
import { submitCode } from './link/submit-code.ts';
import { submitLogin } from './link/submit-login.ts';
import { addSupplierSelectorRoutes } from './supplier-selector/supplier-selector-routes.ts';
import { addWebAppRoutes } from './web-app/web-app-routes.ts';

/**
 * The hosted pages the end user's browser sees: NOX's brand choice and the fake manufacturer logins
 * (flow 1), the energy-supplier selector, NOX's return page and NOX's web app (flow 2).
 */
export function createPageRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const open = openLink(ctx);
  addSupplierSelectorRoutes(router, ctx, open);
  addWebAppRoutes(router, ctx);
  router.get('/connect', open);
  router.get('/ui/login/:brand', showLogin(ctx));
  router.post('/ui/login/:brand', submitLogin(ctx));
  router.post('/ui/login/:brand/otp', submitCode(ctx));
  return router;
}
