import { type Request, Router } from 'express';
import type { MockContext } from '../domain/mock-context.ts';
import { errors } from '../errors/error-templates.ts';
import type { WebhookDelivery } from '../store/schema.ts';

const orgParam = (req: Request): string | undefined =>
  (req.body?.organisation_id as string | undefined) ?? (req.query.organisation_id as string | undefined);

/** GET /__nox/webhooks, POST /__nox/webhooks/deliver-due and …/{id}/redeliver (validated by the control router). */
export function createWebhookRoutes(ctx: MockContext): Router {
  const router = Router();
  router.get('/webhooks', (req, res) => {
    const id = orgParam(req);
    const status = req.query.status as WebhookDelivery['status'] | undefined;
    const deliveries = ctx.store
      .rows('webhook_deliveries')
      .filter(
        (d) =>
          (id === undefined || d.organisation_id === id) && (status === undefined || d.status === status),
      );
    res.json({ deliveries });
  });
  router.post('/webhooks/deliver-due', async (req, res) => {
    res.json(await ctx.webhooks.deliverDue(orgParam(req)));
  });
  router.post('/webhooks/:delivery_id/redeliver', async (req, res) => {
    const delivery = await ctx.webhooks.redeliver(req.params.delivery_id);
    if (!delivery) throw errors.webhookDeliveryNotFound(req.params.delivery_id);
    res.json(delivery);
  });
  return router;
}
