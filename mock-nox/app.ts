import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { createAuthRoutes } from './auth/auth-routes.ts';
import { createControlRoutes } from './control/control-routes.ts';
import { applyRouteFaults, takeRouteFault } from './control/route-faults.ts';
import { createDataRoutes } from './data/data-routes.ts';
import { createVirtualClock, systemTime, type TimeSource } from './domain/clock.ts';
import { createIds, type Ids } from './domain/ids.ts';
import type { MockContext } from './domain/mock-context.ts';
import { createErrorMiddleware, notFoundHandler, rejectNonJsonBodies } from './errors/error-middleware.ts';
import { createApiDispatch } from './http/api-dispatch.ts';
import { createApiRouter } from './http/api-router.ts';
import { limitBodyDepth } from './http/body-limits.ts';
import { createPropertyFilter } from './http/known-properties.ts';
import { createMethodNotAllowedHandler } from './http/method-not-allowed.ts';
import { createJournal, type Journal } from './journal/journal.ts';
import { journalMiddleware, keepRawJson } from './journal/journal-middleware.ts';
import { createWebhookSender, type WebhookOptions } from './outbound/webhook-sender.ts';
import { createDashboardRoutes } from './pages/dashboard/dashboard-routes.ts';
import { renderErrorPage } from './pages/kit/render-error-page.ts';
import { createPageRoutes } from './pages/page-routes.ts';
import type { Store } from './store/open-store.ts';

/** What the mock is built from; everything but the store has a default. */
export interface AppDeps {
  store: Store;
  time?: TimeSource;
  ids?: Ids;
  journal?: Journal;
  /** The origin put into link_url and page links; by default the origin each client called. */
  publicUrl?: string;
  /** Lets non-loopback clients use the control API with `Authorization: Bearer <token>`. */
  adminToken?: string;
  /** Shuts the control API for every client: set when listening beyond loopback without an admin token. */
  controlClosed?: boolean;
  /** How long ended or expired link sessions are kept before they are pruned (virtual seconds, default a day). */
  sessionRetentionSeconds?: number;
  /** Webhook sending; `{ autoDeliver: false }` sends only on POST /__nox/webhooks/deliver-due (for tests). */
  webhooks?: WebhookOptions;
}

/** The mock as node's request handler (for `http.createServer`, or supertest). */
export type MockApp = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Builds the mock NOX platform; it never listens (see server.ts). NOX's APIs are answered by the API
 * dispatcher (http/api-dispatch.ts), the pages, the control API and every other request by Express.
 */
export function createApp(deps: AppDeps): MockApp {
  const parts = {
    store: deps.store,
    clock: createVirtualClock(deps.store, deps.time ?? systemTime),
    ids: deps.ids ?? createIds(),
    journal: deps.journal ?? createJournal(),
    sessionRetentionSeconds: deps.sessionRetentionSeconds,
  };
  const ctx: MockContext = { ...parts, webhooks: createWebhookSender(parts, deps.webhooks) };
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.locals.publicUrl = deps.publicUrl?.replace(/\/+$/, '');
  app.use(express.json({ limit: '1mb', strict: false, verify: keepRawJson }));
  app.use(rejectNonJsonBodies);
  app.use(['/ui', '/connect'], express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(journalMiddleware(ctx.journal, ctx.clock.now));
  app.use(limitBodyDepth());
  const control = {
    adminToken: deps.adminToken,
    publicUrl: app.locals.publicUrl,
    closed: deps.controlClosed,
  };
  // The dashboard's page and script hold no data: they are served to anyone, and everything they show or
  // change goes through the control API below, with its access rules.
  app.use('/__nox/ui', createDashboardRoutes());
  app.use('/__nox', createControlRoutes(ctx, control));
  app.use(applyRouteFaults(ctx));
  // Before the surfaces, as FastAPI routes before anything runs: Express would answer HEAD and OPTIONS itself.
  app.use(createMethodNotAllowedHandler());
  app.use(createPageRoutes(ctx));
  app.use(notFoundHandler);
  app.use(createErrorMiddleware(renderErrorPage));

  const api = createApiRouter();
  api.use(createAuthRoutes(ctx));
  api.use(createDataRoutes(ctx));
  const filters = ['nox-auth', 'nox-data'].map(createPropertyFilter);
  const dispatch = createApiDispatch({
    routes: api,
    journal: ctx.journal,
    now: ctx.clock.now,
    publicUrl: app.locals.publicUrl,
    dropUnknown: (method, path, body) => {
      for (const filter of filters) filter.drop(method, path, body);
    },
    takeFault: (req, res) => takeRouteFault(ctx, req, res),
  });
  return (req, res) => {
    if (!dispatch(req, res)) app(req, res);
  };
}
