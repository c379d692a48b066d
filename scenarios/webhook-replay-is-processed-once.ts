import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { settingsWebhook, timesProcessed } from './support/settings-webhook.ts';

export default defineScenario({
  name: 'acts once on a webhook delivery that arrives twice',
  rule: 'X-Webhook-Id ({event id}:{type}) is the idempotency key of a NOX webhook: use it for de-duplication. A delivery can arrive again (a retry after a lost answer, or a replay); the receiver acknowledges it with a 2xx and does not act on it twice.',
  docs: 'https://docs.nox.energy/guides/partner-webhooks',
  severity: 'required',
  tags: ['webhooks', 'settings', 'hp'],
  needs: ['webhookPath', 'readBack'],
  async run(t) {
    await connectWithoutNoxPages(t);
    const delivery = await settingsWebhook(t);
    const status = await t.webhooks.resend(delivery, 'replay');
    const times = await timesProcessed(t, delivery);
    t.expect.that(
      times === 1,
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
