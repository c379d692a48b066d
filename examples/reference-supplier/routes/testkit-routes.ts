import { Router } from 'express';
import type { SupplierContext } from '../supplier-context.ts';

/**
 * GET /health, and the test-only read-back GET /__testkit/customers/:id that nox-testkit's harness uses
 * to check what the app stored. A real app would not expose the read-back (or only behind auth).
 */
export function createTestkitRoutes(ctx: SupplierContext): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/__testkit/customers/:id', (req, res) => {
    const connection = ctx.store.connections.get(req.params.id);
    if (!connection) return void res.status(404).json({});
    const { nox_user_id, brand, device_ids, connected_at, devices_fetched } = connection;
    res.json({ customer_id: req.params.id, nox_user_id, brand, device_ids, connected_at, devices_fetched });
  });
  return router;
}
