import express, { type NextFunction, type Request, type Response } from 'express';
import { createCustomerSessions } from './customer-session.ts';
import { createNoxClient } from './nox-client.ts';
import { NoxRequestError } from './nox-error.ts';
import { html } from './pages/html.ts';
import { renderPage } from './pages/page-layout.ts';
import { createCallbackRoutes } from './routes/callback-routes.ts';
import { createConnectRoutes } from './routes/connect-routes.ts';
import { createDashboardRoutes } from './routes/dashboard-routes.ts';
import { createLoginRoutes } from './routes/login-routes.ts';
import { createOAuthRoutes } from './routes/oauth-routes.ts';
import { sendFailure } from './routes/send-failure.ts';
import { createSettingsRoutes } from './routes/settings-routes.ts';
import { createTestkitRoutes } from './routes/testkit-routes.ts';
import { createWebhookRoutes } from './routes/webhook-routes.ts';
import type { SupplierConfig } from './supplier-config.ts';
import type { SupplierContext } from './supplier-context.ts';
import { createSupplierStore, type SupplierStore } from './supplier-store.ts';

export interface SupplierAppDeps {
  store?: SupplierStore;
  /** The origin actually bound, used when PUBLIC_URL is not set (known only after listen). */
  boundUrl?: () => string;
  /** Now in unix seconds; default the system clock. */
  nowSeconds?: () => number;
}

/** The Reference Energy web app: a correct NOX integration (unless config.flaw). Never listens. */
export function createSupplierApp(config: SupplierConfig, deps: SupplierAppDeps = {}): express.Express {
  const store = deps.store ?? createSupplierStore();
  const ctx: SupplierContext = {
    config,
    store,
    nox: createNoxClient(config),
    sessions: createCustomerSessions(store),
    publicUrl: (req) => config.publicUrl ?? deps.boundUrl?.() ?? `${req.protocol}://${req.get('host')}`,
    nowSeconds: deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000)),
    hasFlaw: (flaw) => config.flaw === flaw,
  };
  const app = express();
  app.disable('x-powered-by');
  // Before any body parser: the webhook signature is checked on the raw body.
  app.use(createWebhookRoutes(ctx));
  app.use(express.urlencoded({ extended: false, limit: '10kb' }));
  for (const routes of [
    createLoginRoutes,
    createOAuthRoutes,
    createDashboardRoutes,
    createConnectRoutes,
    createCallbackRoutes,
    createSettingsRoutes,
    createTestkitRoutes,
  ])
    app.use(routes(ctx));
  app.use((_req, res) => {
    res
      .status(404)
      .type('html')
      .send(renderPage({ title: 'Not found' }, html`<h1>Page not found</h1><p><a href="/">Home</a></p>`));
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const customerId = ctx.sessions.customerOf(req);
    if (error instanceof NoxRequestError)
      return sendFailure(res, 502, { code: 'nox_unavailable', details: error.messages, customerId });
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500)
      return sendFailure(res, status, { code: 'invalid_request', customerId });
    console.error('[reference-supplier]', error);
    sendFailure(res, 500, { code: 'internal_error', customerId });
  });
  return app;
}
