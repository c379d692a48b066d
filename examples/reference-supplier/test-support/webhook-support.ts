import { createHmac } from 'node:crypto';
import type { CustomerClient } from './customer-client.ts';
import { linkWithoutBrowser } from './link-flow.ts';
import type { StartedSupplier, SupplierFixture } from './supplier-fixture.ts';

export interface Delivery {
  webhook_id: string;
  status: 'pending' | 'delivered' | 'failed';
  event: { type: string; metadata: { external_user_id: string | null } };
  attempts: { headers: Record<string, string>; response_status: number | null; outcome: string }[];
}

/** The organisation's deliveries once each has had its first attempt (the mock sends in the background). */
export async function settledDeliveries(f: SupplierFixture, organisationId: string): Promise<Delivery[]> {
  for (let i = 0; i < 100; i++) {
    const { deliveries } = await f.control<{ deliveries: Delivery[] }>(
      'GET',
      `/__nox/webhooks?organisation_id=${organisationId}`,
    );
    if (deliveries.every((d) => d.attempts.length > 0)) return deliveries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The mock did not attempt its webhook deliveries within 5 s');
}

/** POSTs a webhook to the app as NOX would, signed with `key` at `timestamp` (over `<timestamp>.<body>`). */
export function postWebhook(
  url: string,
  body: string,
  { key, timestamp, webhookId }: { key: string; timestamp: number; webhookId: string },
) {
  const signature = `sha256=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;
  return fetch(`${url}/nox/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-webhook-id': webhookId,
      'x-webhook-timestamp': String(timestamp),
      'x-webhook-signature': signature,
    },
    body,
  });
}

/** The preferred room temperature the app's settings page shows the customer now. */
export async function shownTemperature(customer: CustomerClient): Promise<string | undefined> {
  return /id="preferred_temperature"[^>]* value="([^"]*)"/.exec((await customer.get('/settings')).text)?.[1];
}

/**
 * Links a customer (the app reads its settings copy: 21 °C), then the user sets 19 °C on NOX's web app;
 * answers once NOX made its first attempt of the webhook delivery to the app.
 */
export async function connectThenChangeOnNox(f: SupplierFixture, app: StartedSupplier, customerId: string) {
  const customer = await app.customer(customerId);
  const { done } = await linkWithoutBrowser(f, customer, { username: customerId });
  const before = await shownTemperature(customer);
  await f.control('PATCH', `/__nox/users/${done.nox_user_id}/settings`, {
    room: { preferred_temperature: 19 },
  });
  const deliveries = await settledDeliveries(f, app.organisationId);
  return { customer, before, deliveries, delivery: deliveries[0] as Delivery, noxUserId: done.nox_user_id };
}

/** The app's read-back of a customer. */
export async function readBackOf(app: StartedSupplier, customerId: string) {
  return (await fetch(`${app.url}/__testkit/customers/${encodeURIComponent(customerId)}`)).json();
}

/** POSTs a delivery's last attempt again, exact headers and body (what a replay attacker would send). */
export function replay(app: StartedSupplier, delivery: Delivery) {
  return fetch(`${app.url}/nox/webhooks`, {
    method: 'POST',
    headers: { ...delivery.attempts.at(-1)?.headers, 'content-type': 'application/json' },
    body: JSON.stringify(delivery.event),
  });
}
