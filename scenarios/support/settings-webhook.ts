import type { ScenarioContext, WebhookDelivery } from '../../harness/index.ts';

export type Delivery = WebhookDelivery;

/** Deliveries in words: "evt_…:user.settings.room.preferred_temperature.updated delivered (503, 200)". */
export function describeDeliveries(deliveries: Delivery[]): string {
  if (deliveries.length === 0) return 'no delivery';
  return deliveries
    .map(
      (d) =>
        `${d.webhook_id} ${d.status} (${d.attempts.map((a) => a.response_status ?? a.error).join(', ') || 'not attempted'})`,
    )
    .join('; ');
}

/**
 * The customer's manufacturer changes the preferred room temperature, so NOX sends the supplier a settings
 * webhook; answers that delivery once NOX has made its attempts (failing the scenario when there is none).
 */
export async function settingsWebhook(t: ScenarioContext, preferred = 23.5): Promise<Delivery> {
  await t.manufacturer.changesSettings({ room: { preferred_temperature: preferred } });
  const deliveries = await t.webhooks.settle();
  const delivery = deliveries.find(
    (d) => d.event.type === 'user.settings.room.preferred_temperature.updated',
  );
  t.expect.that(
    delivery !== undefined,
    'NOX to send the supplier’s webhook_url a user.settings.room.preferred_temperature.updated delivery',
    `NOX made ${describeDeliveries(deliveries)}`,
  );
  return delivery as Delivery;
}

/** How many times the supplier says it acted on the delivery (its read-back's webhook_ids); skips without them. */
export async function timesProcessed(t: ScenarioContext, delivery: Delivery): Promise<number> {
  const ids = (await t.supplier.readBack())?.webhook_ids;
  if (ids === undefined)
    t.skip('the adapter’s readBack reports no webhook_ids, so what the supplier processed is unknown', [
      'readBack.webhook_ids',
    ]);
  return ids.filter((id) => id === delivery.webhook_id).length;
}
