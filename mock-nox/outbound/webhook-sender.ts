import type { MockContext } from '../domain/mock-context.ts';
import { recordAttempt } from '../domain/webhooks/retry-schedule.ts';
import {
  type DeliveryRun,
  dueDeliveries,
  type WebhookDispatch,
} from '../domain/webhooks/webhook-dispatch.ts';
import { webhookSignature } from '../domain/webhooks/webhook-signature.ts';
import type { Organisation, WebhookDelivery } from '../store/schema.ts';
import { defaultPolicies } from '../store/seed.ts';
import { postWebhook } from './post-webhook.ts';

/** How the mock sends webhooks (createApp's `webhooks` option). */
export interface WebhookOptions {
  /**
   * Send each first attempt right after its change is committed and retries as they fall due (default
   * true). Off, nothing is sent until POST /__nox/webhooks/deliver-due: deterministic tests.
   */
  autoDeliver?: boolean;
  /** How often (real ms) due retries are looked for while deliveries are pending; default 1000. */
  pollMs?: number;
}

type SenderContext = Omit<MockContext, 'webhooks'>;

/** The only code in the mock that calls out: webhook attempts, each journalled under area `webhook`. */
export function createWebhookSender(ctx: SenderContext, options: WebhookOptions = {}): WebhookDispatch {
  const autoDeliver = options.autoDeliver ?? true;
  const running = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;

  async function deliverDue(organisationId?: string): Promise<DeliveryRun> {
    const claimed = dueDeliveries(ctx, organisationId).filter((d) => !running.has(d.id));
    const byReceiver = new Map<string, WebhookDelivery[]>();
    for (const d of claimed)
      byReceiver.set(d.organisation_id, [...(byReceiver.get(d.organisation_id) ?? []), d]);
    // One receiver's deliveries go one after the other, in the order the changes were made.
    const work = Promise.all(
      [...byReceiver.values()].map(async (group) => {
        for (const delivery of group) await attempt(delivery);
      }),
    ).then(() => undefined);
    const earlier = [...running.entries()]
      .filter(([id]) => organisationId === undefined || deliveryOf(id)?.organisation_id === organisationId)
      .map(([, p]) => p);
    for (const d of claimed) running.set(d.id, work);
    try {
      await work;
    } finally {
      for (const d of claimed) running.delete(d.id);
    }
    await Promise.all(earlier);
    await ctx.store.commit();
    return { attempted: claimed.length, deliveries: claimed };
  }

  const deliveryOf = (id: string) => ctx.store.peek.webhookDelivery(id);

  async function redeliver(deliveryId: string): Promise<WebhookDelivery | undefined> {
    // An attempt already on its way is waited for, so the two are recorded one after the other.
    while (running.has(deliveryId)) await running.get(deliveryId)?.catch(() => undefined);
    const delivery = ctx.store.find.webhookDelivery(deliveryId);
    if (!delivery) return undefined;
    const work = attempt(delivery, true);
    running.set(deliveryId, work);
    try {
      await work;
    } finally {
      running.delete(deliveryId);
    }
    await ctx.store.commit();
    return ctx.store.peek.webhookDelivery(deliveryId);
  }

  async function attempt(delivery: WebhookDelivery, redelivery = false): Promise<void> {
    const receiver = ctx.store.peek.organisation(delivery.organisation_id);
    if (!receiver) return;
    const policies = policiesOf(ctx, receiver);
    const at = ctx.clock.now(receiver.id);
    const { body, headers } = webhookRequest(ctx, receiver, delivery, at);
    const started = performance.now();
    const answer = await postWebhook(
      delivery.url,
      body,
      { 'Content-Type': 'application/json', ...headers },
      policies.webhook_timeout_ms,
    );
    const duration = Math.round((performance.now() - started) * 10) / 10;
    // A reset while the attempt was on its way dropped the delivery: its answer is not recorded. Found
    // again through `find`, so the attempt recorded below is in the next commit.
    if (ctx.store.find.webhookDelivery(delivery.id) !== delivery) return;
    recordAttempt(delivery, at, headers, answer, duration, redelivery);
    const url = new URL(delivery.url);
    ctx.journal.record({
      at,
      organisation_id: receiver.id,
      area: 'webhook',
      request: {
        method: 'POST',
        path: delivery.url,
        query: Object.fromEntries(url.searchParams),
        headers: { 'content-type': 'application/json', ...lower(headers) },
        body: delivery.event,
      },
      response: { status: answer.status ?? 0, headers: answer.headers, body: parsed(answer) },
      duration_ms: duration,
    });
  }

  function pollWhilePending() {
    if (timer || !autoDeliver) return;
    timer = setInterval(() => {
      if (!ctx.store.rows('webhook_deliveries').some((d) => d.status === 'pending')) {
        clearInterval(timer);
        timer = undefined;
        return;
      }
      deliverDue().catch(report);
    }, options.pollMs ?? 1000);
    timer.unref();
  }

  return {
    queued() {
      if (!autoDeliver) return;
      // After the change's own commit (the group commit shares that write), in the background.
      ctx.store
        .commit()
        .then(() => deliverDue())
        .catch(report);
      pollWhilePending();
    },
    deliverDue,
    redeliver,
  };
}

const policiesOf = (ctx: SenderContext, receiver: Organisation) => ({
  ...defaultPolicies,
  ...ctx.store.data.policies,
  ...receiver.policies,
});

/**
 * The body and X-Webhook-* headers of an attempt at `at` (virtual seconds), signed with the receiver's
 * key; also what the mock answers a Pact verifier for a webhook message (control/pact-messages.ts).
 */
export function webhookRequest(
  ctx: SenderContext,
  receiver: Organisation,
  delivery: WebhookDelivery,
  at: number,
) {
  const body = JSON.stringify(delivery.event);
  const timestamp = String(at);
  const scheme = policiesOf(ctx, receiver).webhook_signature_scheme;
  const headers = {
    'X-Webhook-Id': delivery.webhook_id,
    'X-Webhook-Timestamp': timestamp,
    'X-Webhook-Signature': webhookSignature(receiver.api_key, scheme, delivery.webhook_id, timestamp, body),
  };
  return { body, headers };
}

const report = (error: unknown) => console.error('[nox-testkit] webhook delivery failed', error);

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

function parsed(answer: { body: string; error: string | null; headers: Record<string, string> }): unknown {
  if (answer.error !== null) return { error: answer.error };
  if (answer.headers['content-type']?.includes('json')) {
    try {
      return JSON.parse(answer.body);
    } catch {}
  }
  return answer.body;
}
