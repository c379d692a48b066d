import { Router } from 'express';
import { dashboardPage } from '../pages/dashboard-page.ts';
import type { SupplierContext } from '../supplier-context.ts';

/** GET /: the logged-in customer's dashboard; others go to the login. */
export function createDashboardRoutes(ctx: SupplierContext): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const customerId = ctx.sessions.customerOf(req);
    if (!customerId) return void res.redirect(303, '/login');
    res.type('html').send(dashboardPage(customerId, ctx.store.connections.get(customerId)));
  });
  return router;
}
