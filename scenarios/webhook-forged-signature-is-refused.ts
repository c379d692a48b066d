import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeDeliveries, settingsWebhook } from './support/settings-webhook.ts';
import { webhookIdsActedOn } from './support/webhook-ids-acted-on.ts';

export default defineScenario({
  name: 'refuses a webhook whose signature is wrong and acts on nothing in it',
  rule: 'NOX signs every webhook: X-Webhook-Signature is sha256= plus the HMAC-SHA256 keyed with your NOX API key (the signed string <timestamp>.<raw body> is modelled by nox-testkit). A receiver verifies it before acting, and answers a forged request 4xx, which NOX treats as final.',
  docs: 'https://docs.nox.energy/guides/partner-webhooks',
  severity: 'required',
  tags: ['security', 'webhooks', 'settings', 'hp'],
  needs: ['webhookPath'],
  async run(t) {
    await connectWithoutNoxPages(t);
    const delivery = await settingsWebhook(t);
    // First the genuine delivery must be accepted and acted on: a receiver refusing everything is no pass.
    // Without webhook_ids (readBack) its answers are the evidence: a 2xx for NOX's, a 4xx for the forged one.
    const check = `that the supplier acted on ${delivery.webhook_id} once and on the forged delivery never`;
    const before = await webhookIdsActedOn(t, check);
    const times = before?.filter((id) => id === delivery.webhook_id).length;
    t.expect.that(
      delivery.status === 'delivered' && (times ?? 1) === 1,
      `the supplier to acknowledge NOX’s genuine delivery ${delivery.webhook_id} and act on it once`,
      `it is ${describeDeliveries([delivery])}${times === undefined ? '' : `, acted on ${times} times`}`,
    );
    const status = await t.webhooks.resend(delivery, 'forged');
    t.expect.that(
      status >= 400 && status < 500,
      'the supplier to answer 4xx to a delivery signed with another key',
      `the supplier answered ${status}: it accepted a delivery whose X-Webhook-Signature is wrong`,
    );
    if (before === undefined) return;
    const genuine = new Set((await t.webhooks.deliveries()).map((d) => d.webhook_id));
    const acted = (await t.supplier.readBack())?.webhook_ids ?? [];
    const forged = acted.filter((id) => !genuine.has(id));
    t.expect.that(
      forged.length === 0,
      'the supplier to act only on deliveries NOX sent',
      `it also acted on ${forged.join(', ')}, the forged event`,
    );
  },
});
