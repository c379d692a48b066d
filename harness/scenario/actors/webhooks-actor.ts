import { createHmac, randomBytes } from 'node:crypto';
import type { WebhookDelivery } from '../../../openapi/wire-types.ts';
import { scopeOf, webhookIsOurs } from '../journal-scope.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { type Flow2Deps, webhookUrl } from './flow2-deps.ts';

/** Longer than NOX's 15 s webhook timeout, so an attempt to a slow receiver still ends within it. */
export const SETTLE_MS = 20_000;

/** Waits for `work`, but no longer than `ms` (the work goes on; its answer is then not awaited). */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms));
  });
  await Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** NOX's webhook deliveries to the run's webhook_url for this scenario's customers (control API). */
export function createWebhooksActor(deps: Flow2Deps): ScenarioContext['webhooks'] {
  const { mock, step, organisationId: org, customers } = deps;
  const deliveries = async () => {
    webhookUrl(deps);
    const [all, scope] = await Promise.all([
      mock.listWebhookDeliveries(org),
      scopeOf(mock, org, customers.all, deps.authStates),
    ]);
    return all.filter((d) => webhookIsOurs(d.event, scope));
  };
  /** Not yet attempted, or due now (so being attempted or about to be): not settled. */
  const unsettled = async (list: WebhookDelivery[]) => {
    const now = (await mock.clock(org)).now;
    return list.filter((d) => d.status === 'pending' && (d.next_attempt_at ?? 0) <= now);
  };
  return {
    deliveries,
    deliverDue: () =>
      step(
        'NOX makes the webhook attempts that are due',
        async () => {
          await mock.deliverDueWebhooks(org);
          return deliveries();
        },
        false,
      ),
    settle: () =>
      step(
        'Wait until NOX has made its webhook attempts',
        async () => {
          const deadline = Date.now() + SETTLE_MS;
          for (;;) {
            // Attempting what is due also waits for the attempts already on their way (and works without autoDeliver).
            await within(mock.deliverDueWebhooks(org), deadline - Date.now());
            const list = await deliveries();
            const waiting = await unsettled(list);
            if (waiting.length === 0) return list;
            if (Date.now() > deadline)
              throw new Error(
                `${waiting.length} webhook deliveries to ${webhookUrl(deps)} were still unanswered after ${SETTLE_MS / 1000} s: ${waiting.map((d) => d.webhook_id).join(', ')}`,
              );
            await new Promise((r) => setTimeout(r, 100));
          }
        },
        false,
      ),
    resend: (delivery, how) =>
      step(
        `Send webhook ${delivery.webhook_id} to the supplier again (${how})`,
        async () => {
          // A forgery is a new event (fresh id, another value): a receiver that de-duplicates before it
          // verifies must still refuse it, and acting on it shows as an id NOX never sent.
          const event = how === 'replay' ? delivery.event : forgedEvent(delivery.event);
          const body = JSON.stringify(event);
          const last = delivery.attempts.at(-1);
          if (how === 'replay' && !last)
            throw new Error(
              `webhook ${delivery.webhook_id} was never attempted, so there is nothing to replay: settle() first`,
            );
          const timestamp = String((await mock.clock(org)).now);
          const headers =
            how === 'replay' && last
              ? last.headers
              : {
                  'X-Webhook-Id': `${event.id}:${event.type}`,
                  'X-Webhook-Timestamp': timestamp,
                  // The right format with the wrong key: only the signature itself is wrong.
                  'X-Webhook-Signature': `sha256=${createHmac('sha256', 'not-the-receivers-key').update(`${timestamp}.${body}`).digest('hex')}`,
                };
          const res = await fetch(webhookUrl(deps), {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body,
            signal: AbortSignal.timeout(SETTLE_MS),
          });
          await res.arrayBuffer().catch(() => undefined);
          return res.status;
        },
        false,
      ),
  };
}

/** The event under a fresh `evt_` id with a changed numeric value, as an attacker would send one. */
function forgedEvent(event: WebhookDelivery['event']): WebhookDelivery['event'] {
  const value = event.data.value;
  const data = { ...event.data, value: typeof value === 'number' ? value + 1 : value };
  return { ...event, id: `evt_${randomBytes(12).toString('hex')}`, data };
}
