import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { settingsWebhook, timesProcessed } from './support/settings-webhook.ts';

export default defineScenario({
  name: 'refuses a webhook whose signature is wrong and acts on nothing in it',
  rule: 'NOX signs every webhook: X-Webhook-Signature is sha256= plus the HMAC-SHA256 keyed with your NOX API key (the signed string <timestamp>.<raw body> is modelled by nox-testkit). A receiver verifies it before acting, and answers a forged request 4xx, which NOX treats as final.',
  docs: 'https://docs.nox.energy/guides/partner-webhooks',
  severity: 'required',
  tags: ['security', 'webhooks', 'settings', 'hp'],
  needs: ['webhookPath', 'readBack'],
  async run(t) {
    await connectWithoutNoxPages(t);
    const delivery = await settingsWebhook(t);
    const status = await t.webhooks.resend(delivery, 'forged');
    t.expect.that(
      status >= 400 && status < 500,
      'the supplier to answer 4xx to a delivery signed with another key',
      `the supplier answered ${status}: it accepted a delivery whose X-Webhook-Signature is wrong`,
    );
    const times = await timesProcessed(t, delivery);
    t.expect.that(
      times <= 1,
      `the supplier to act on ${delivery.webhook_id} only for NOX’s genuine delivery`,
      `it acted on it ${times} times, so also on the forged copy`,
    );
  },
});
