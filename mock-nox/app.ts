import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAuthRoutes } from './auth/auth-routes.ts';
import { controlRefusal } from './control/control-access.ts';
import { createControlRoutes } from './control/control-routes.ts';
import { createDataRoutes } from './data/data-routes.ts';
import { createVirtualClock, systemTime, type TimeSource } from './domain/clock.ts';
import { createIds, type Ids } from './domain/ids.ts';
import type { MockContext } from './domain/mock-context.ts';
import { createPropertyFilter } from './http/known-properties.ts';
import { createPipeline } from './http/pipeline.ts';
import { takeRouteFault } from './http/route-faults.ts';
import { createRouter } from './http/router.ts';
import { createJournal, type Journal } from './journal/journal.ts';
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
 * Builds the mock NOX platform; it never listens (see server.ts). Every request, to NOX's APIs, the control
 * API or the pages, goes through the one pipeline (http/pipeline.ts) to its route.
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
  const publicUrl = deps.publicUrl?.replace(/\/+$/, '');
  const access = { adminToken: deps.adminToken, publicUrl, closed: deps.controlClosed };
  const routes = createRouter();
  routes.use(createAuthRoutes(ctx));
  routes.use(createDataRoutes(ctx));
  routes.use(createControlRoutes(ctx));
  routes.use(createPageRoutes(ctx));
  routes.use(createDashboardRoutes());
  const filters = ['nox-auth', 'nox-data'].map(createPropertyFilter);
  return createPipeline({
    routes,
    journal: ctx.journal,
    now: ctx.clock.now,
    publicUrl,
    // The dashboard's page and script hold no data: they are served to anyone, and everything they show or
    // change goes through the control API, with its access rules.
    guard: (area, req, res) =>
      area === 'control' && !req.path.startsWith('/__nox/ui') ? controlRefusal(req, res, access) : null,
    dropUnknown: (method, path, body) => {
      for (const filter of filters) filter.drop(method, path, body);
    },
    takeFault: (req, res) => takeRouteFault(ctx, req, res),
    renderErrorPage,
  });
}
