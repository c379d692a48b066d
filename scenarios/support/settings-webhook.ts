import type { ScenarioContext, WebhookDelivery } from '../../harness/index.ts';

export type Delivery = WebhookDelivery;

/** Why NOX's genuine, correctly signed deliveries are refused 401/403, in the receiver's own terms. */
export const REFUSED_SIGNATURE_HINT =
  'NOX signed these deliveries correctly, so the receiver’s check is wrong: the usual causes are an HMAC over re-serialised JSON rather than the raw body bytes, a key other than this organisation’s NOX API key, or another signed string than NOX’s (modelled: <X-Webhook-Timestamp>.<raw body>)';

/** Deliveries in words: "evt_…:user.settings.room.preferred_temperature.updated delivered (503, 200)". */
export function describeDeliveries(deliveries: Delivery[]): string {
  if (deliveries.length === 0) return 'no delivery';
  const described = deliveries
    .map(
      (d) =>
        `${d.webhook_id} ${d.status} (${d.attempts.map((a) => a.response_status ?? a.error).join(', ') || 'not attempted'})`,
    )
    .join('; ');
  return deliveries.some(refusedAsUnsigned) ? `${described}: ${REFUSED_SIGNATURE_HINT}` : described;
}

/** A genuine delivery the receiver answered 401 or 403: it took NOX's signature for a wrong one. */
const refusedAsUnsigned = (d: Delivery) =>
  d.attempts.some((a) => a.response_status === 401 || a.response_status === 403);

/**
 * The customer's manufacturer changes the preferred room temperature, so NOX sends the supplier a settings
 * webhook; answers that delivery once NOX has made its attempts (failing the scenario when there is none,
 * or when the receiver refused NOX's genuine signature: nothing after that could pass).
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
  t.expect.that(
    !refusedAsUnsigned(delivery as Delivery),
    `the supplier to accept NOX’s genuine, correctly signed delivery ${delivery?.webhook_id}`,
    `it refused it: ${describeDeliveries([delivery as Delivery])}`,
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

/**
 * Why the supplier's page does not show what an acknowledged settings delivery changed, told apart as far
 * as the evidence goes: its read-back's webhook_ids (did the receiver act on it?) and the journal (did the
 * supplier read NOX's settings again after it?).
 */
export async function whyChangeNotShown(t: ScenarioContext, delivery: Delivery): Promise<string> {
  const entries = await t.journal();
  const arrival = entries.find(
    (e) => e.area === 'webhook' && e.request.headers['x-webhook-id'] === delivery.webhook_id,
  );
  // NOX journals a delivery once the receiver answered it: reads made while it processed come before.
  const reread = entries.filter(
    (e) =>
      e.id > (arrival?.id ?? 0) &&
      e.request.method === 'GET' &&
      e.request.path === '/v1/devices/settings' &&
      e.response.status === 200,
  ).length;
  const acted = t.supplier.has('readBack') ? (await t.supplier.readBack())?.webhook_ids : undefined;
  const readAgain = reread
    ? `it read NOX’s settings again after answering the delivery (GET /v1/devices/settings, ${reread === 1 ? 'once' : `${reread} times`}), which have the new value`
    : 'it did not read NOX’s settings again after answering the delivery';
  if (acted?.includes(delivery.webhook_id))
    return `its receiver acted on ${delivery.webhook_id} (its read-back lists it) and ${readAgain}: the page shows a stale copy, not what the receiver stored`;
  if (acted)
    return `its receiver acknowledged ${delivery.webhook_id} but never applied it (its read-back’s webhook_ids lacks it), and ${readAgain}: the change was dropped on arrival`;
  if (reread) return `${readAgain}: the page shows a stale copy, not what NOX holds`;
  return `${readAgain}, and reports no webhook_ids (readBack), so whether its receiver dropped the change or its page shows a stale copy is unknown`;
}
