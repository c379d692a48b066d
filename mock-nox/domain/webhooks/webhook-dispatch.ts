import type { Store } from '../../store/open-store.ts';
import type { WebhookDelivery } from '../../store/schema.ts';
import type { VirtualClock } from '../clock.ts';

/** What POST /__nox/webhooks/deliver-due answers. */
export interface DeliveryRun {
  attempted: number;
  deliveries: WebhookDelivery[];
}

/** The webhook sender as the rules see it; outbound/ implements it (the only code that calls out). */
export interface WebhookDispatch {
  /** Deliveries were queued: their first attempt follows once the change is committed, unless automatic delivery is off. */
  queued(): void;
  /** Makes every attempt that is due now (on each receiver's virtual clock) and resolves after them. */
  deliverDue(organisationId?: string): Promise<DeliveryRun>;
  /** Makes one more attempt of the delivery now, whatever its status; resolves with it afterwards (undefined: no such delivery). */
  redeliver(deliveryId: string): Promise<WebhookDelivery | undefined>;
}

/**
 * The pending deliveries whose next attempt has come on their receiver's clock, oldest first: read
 * untracked, and only those handed out (the sender records their attempts), so the others are not rewritten.
 */
export function dueDeliveries(ctx: { store: Store; clock: VirtualClock }, organisationId?: string) {
  return ctx.store
    .rows('webhook_deliveries')
    .filter(
      (d) =>
        d.status === 'pending' &&
        d.next_attempt_at !== null &&
        (organisationId === undefined || d.organisation_id === organisationId) &&
        d.next_attempt_at <= ctx.clock.now(d.organisation_id),
    )
    .flatMap((d) => ctx.store.find.webhookDelivery(d.id) ?? []);
}
