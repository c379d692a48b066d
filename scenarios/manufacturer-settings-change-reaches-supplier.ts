import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeDeliveries, settingsWebhook, whyChangeNotShown } from './support/settings-webhook.ts';

export default defineScenario({
  name: 'shows a settings change the manufacturer made on the supplier’s settings page',
  rule: 'NOX’s guide: "we keep the user preferred settings … in sync between all parties". Settings belong to the NOX user; when one party changes them, NOX sends the others a data change event (partner webhooks; modelled by nox-testkit: the settings event types user.settings.room.preferred_temperature.updated …), acknowledged with a 2xx. A supplier that acknowledges it and keeps showing its old values shows the customer settings no longer in force.',
  docs: 'https://docs.nox.energy/guides/partner-webhooks',
  severity: 'required',
  tags: ['settings', 'webhooks', 'hp'],
  needs: ['webhookPath', 'readSettings'],
  async run(t) {
    await connectWithoutNoxPages(t);
    const delivery = await settingsWebhook(t, 23.5);
    t.expect.that(
      delivery.status === 'delivered',
      `the supplier to acknowledge ${delivery.webhook_id}`,
      `NOX made ${describeDeliveries([delivery])}`,
    );
    const shown = await t.supplier.readSettings();
    if (shown.preferredTemperature === 23.5) return;
    t.expect.that(
      false,
      'the supplier’s settings page to show the preferred temperature 23.5 °C the manufacturer set',
      `its settings page shows ${shown.preferredTemperature ?? 'no'} °C: ${await whyChangeNotShown(t, delivery)}`,
    );
  },
});
