import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeDeliveries, settingsWebhook, timesProcessed } from './support/settings-webhook.ts';

export default defineScenario({
  name: 'acts once on a webhook that NOX retries after the supplier answered 5xx',
  rule: 'NOX retries a webhook the receiver answered 5xx (or did not answer in time), with the same X-Webhook-Id; a 2xx acknowledges it. A receiver that failed must not have marked the id as processed, or the retry is dropped and the change is lost. Modelled by nox-testkit: the first retry comes 5 s later.',
  docs: 'https://docs.nox.energy/guides/partner-webhooks',
  severity: 'required',
  tags: ['webhooks', 'fault', 'settings', 'hp'],
  needs: ['webhookPath', 'readBack', 'failNextWebhook'],
  exclusive: true,
  async run(t) {
    await connectWithoutNoxPages(t);
    await t.supplier.failNextWebhook();
    const first = await settingsWebhook(t);
    t.expect.that(
      first.attempts[0]?.response_status !== undefined && (first.attempts[0]?.response_status ?? 0) >= 500,
      'the supplier to answer the first attempt 5xx (after failNextWebhook)',
      `NOX made ${describeDeliveries([first])}`,
    );
    await t.platform.advanceClock(5);
    const retried = (await t.webhooks.deliverDue()).find((d) => d.id === first.id) ?? first;
    t.expect.that(
      retried.status === 'delivered',
      `NOX’s retry of ${first.webhook_id} to be acknowledged`,
      `NOX made ${describeDeliveries([retried])}`,
    );
    const times = await timesProcessed(t, retried);
    t.expect.that(
      times === 1,
      `the supplier to act on ${first.webhook_id} once, on NOX’s retry`,
      `it processed it ${times} times`,
    );
  },
});
