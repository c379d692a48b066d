import type { MockContext } from '../../domain/mock-context.ts';
import type { Router } from '../../http/router.ts';
import { chooseAppSupplier } from './choose-app-supplier.ts';
import { showAppLogin } from './show-app-login.ts';
import { APP_SUPPLIERS_PATH, showAppSuppliers } from './show-app-suppliers.ts';
import { showHome } from './show-home.ts';
import { showSettings } from './show-settings.ts';
import { showStart } from './show-start.ts';
import { submitAppCode } from './submit-app-code.ts';
import { submitAppLogin } from './submit-app-login.ts';
import { submitSettings } from './submit-settings.ts';

/** NOX's web app under /ui/app: sign in, turn on NOX optimisations, choose the supplier, comfort settings. */
export function addWebAppRoutes(router: Router, ctx: MockContext): void {
  router.get('/ui/app', showStart());
  router.get('/ui/app/login/:brand', showAppLogin());
  router.post('/ui/app/login/:brand', submitAppLogin());
  router.post('/ui/app/login/:brand/otp', submitAppCode());
  router.get('/ui/app/home', showHome(ctx));
  router.get(APP_SUPPLIERS_PATH, showAppSuppliers(ctx));
  router.post(APP_SUPPLIERS_PATH, chooseAppSupplier(ctx));
  router.get('/ui/app/settings', showSettings(ctx));
  router.post('/ui/app/settings', submitSettings(ctx));
}
