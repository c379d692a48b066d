import type { MockContext } from '../domain/mock-context.ts';
import { errors } from '../errors/error-templates.ts';
import type { WebhookDelivery } from '../store/schema.ts';

/** GET /__nox/webhooks: the deliveries, of one organisation and of one status when named. */
export function listDeliveries(
  ctx: MockContext,
  organisationId: string | undefined,
  status: WebhookDelivery['status'] | undefined,
) {
  const deliveries = ctx.store
    .rows('webhook_deliveries')
    .filter(
      (d) =>
        (organisationId === undefined || d.organisation_id === organisationId) &&
        (status === undefined || d.status === status),
    );
  return { deliveries };
}

/** POST /__nox/webhooks/{delivery_id}/redeliver: sends a delivery again now, whatever its state. */
export async function redeliver(ctx: MockContext, deliveryId: string): Promise<WebhookDelivery> {
  const delivery = await ctx.webhooks.redeliver(deliveryId);
  if (!delivery) throw errors.webhookDeliveryNotFound(deliveryId);
  return delivery;
}
