import { Router } from 'express';
import type { SupplierContext } from '../supplier-context.ts';

/**
 * GET /health, and the test-only routes nox-testkit's harness uses: the read-back
 * GET /__testkit/customers/:id (what the app stored) and POST /__testkit/customers/:id/fail-next-webhook
 * (the customer's next webhook delivery answers 503). A real app would not expose them (or only behind auth).
 */
export function createTestkitRoutes(ctx: SupplierContext): Router {
  const router = Router();
  const { store } = ctx;
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/__testkit/customers/:id', (req, res) => {
    const customerId = req.params.id;
    const webhook_ids = store.webhookIds.get(customerId) ?? [];
    const connection = store.connections.get(customerId);
    if (connection) {
      const { nox_user_id, brand, device_ids, connected_at, devices_fetched, linked_via } = connection;
      return void res.json({
        customer_id: customerId,
        status: 'connected',
        nox_user_id: nox_user_id || null,
        ...{ brand, device_ids, connected_at, devices_fetched, linked_via, webhook_ids },
      });
    }
    // A customer who logged in (and maybe started a link, or cancelled one) is known, and not connected.
    if (!store.customers.has(customerId)) return void res.status(404).json({});
    res.json({
      customer_id: customerId,
      status: 'not_connected',
      ...{ nox_user_id: null, brand: null, device_ids: [], connected_at: null, devices_fetched: [] },
      ...{ linked_via: null, webhook_ids },
    });
  });
  router.post('/__testkit/customers/:id/fail-next-webhook', (req, res) => {
    store.failNextWebhook.add(req.params.id);
    res.status(204).end();
  });
  return router;
}
