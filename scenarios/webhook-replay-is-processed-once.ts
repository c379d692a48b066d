import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { settingsWebhook } from './support/settings-webhook.ts';
import { webhookIdsActedOn } from './support/webhook-ids-acted-on.ts';

export default defineScenario({
  name: 'acts once on a webhook delivery that arrives twice',
  rule: 'X-Webhook-Id ({event id}:{type}) is the idempotency key of a NOX webhook: use it for de-duplication. A delivery can arrive again (a retry after a lost answer, or a replay); the receiver acknowledges it with a 2xx and does not act on it twice.',
  docs: 'https://docs.nox.energy/guides/partner-webhooks',
  severity: 'required',
  tags: ['webhooks', 'settings', 'hp'],
  needs: ['webhookPath'],
  async run(t) {
    await connectWithoutNoxPages(t);
    const delivery = await settingsWebhook(t);
    const status = await t.webhooks.resend(delivery, 'replay');
    // Without webhook_ids (readBack) only its answer to the second arrival is graded.
    const acted = await webhookIdsActedOn(t, `that the supplier acted on ${delivery.webhook_id} once`);
    const times = acted?.filter((id) => id === delivery.webhook_id).length;
    t.expect.that(
      times === undefined || times === 1,
      `the supplier to act on ${delivery.webhook_id} once, although it arrived twice`,
      `it processed it ${times} times (it answered the second arrival ${status})`,
    );
    t.expect.that(
      status >= 200 && status < 300,
      'the supplier to acknowledge the repeated delivery with a 2xx (it was processed already)',
      `it answered ${status}`,
    );
  },
});
