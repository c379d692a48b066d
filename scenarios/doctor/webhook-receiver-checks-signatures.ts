import { defineScenario } from '../../harness/index.ts';
import { describeDeliveries, settingsWebhook } from '../support/settings-webhook.ts';
import { connected, saw } from './support/doctor-steps.ts';

export default defineScenario({
  name: 'your webhook receiver (webhookPath) acknowledges a signed delivery and refuses a forged one',
  rule: 'webhookPath must be your webhook receiver: verify X-Webhook-Signature (sha256= HMAC-SHA256 of "<X-Webhook-Timestamp>.<raw body>" keyed with your NOX API key) on the raw bytes, answer 2xx to a genuine delivery and 4xx to one whose signature is wrong.',
  severity: 'advisory',
  tags: ['webhookPath'],
  needs: ['webhookPath'],
  async run(t) {
    await connected(t);
    const delivery = await settingsWebhook(t);
    const answers = delivery.attempts.map((a) => a.response_status ?? a.error).join(', ');
    t.expect.that(
      delivery.status === 'delivered',
      `your receiver to answer 2xx to NOX's signed delivery ${delivery.webhook_id}`,
      `it is ${describeDeliveries([delivery])}`,
    );
    const forged = await t.webhooks.resend(delivery, 'forged');
    t.expect.that(
      forged >= 400 && forged < 500,
      'your receiver to answer 4xx to a delivery signed with another key',
      `it answered ${forged}`,
    );
    await saw(
      t,
      `NOX's signed delivery ${delivery.event.type} was answered ${answers}; a forged one ${forged}`,
    );
  },
});
