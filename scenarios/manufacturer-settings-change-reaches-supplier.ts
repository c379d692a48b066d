import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeDeliveries, settingsWebhook } from './support/settings-webhook.ts';

export default defineScenario({
  name: 'shows a settings change the manufacturer made on the supplier’s settings page',
  rule: 'Settings belong to the NOX user and every party sees the same values; NOX sends the other parties a data change event (partner webhooks) when one changes them. Modelled by nox-testkit: the settings event types (user.settings.room.preferred_temperature.updated …). A supplier that acknowledges the webhook but keeps showing its old values shows the customer settings no longer in force.',
  docs: 'https://docs.nox.energy/guides/partner-webhooks',
  severity: 'advisory',
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
    t.expect.that(
      shown.preferredTemperature === 23.5,
      'the supplier’s settings page to show the preferred temperature 23.5 °C the manufacturer set',
      `its settings page shows ${shown.preferredTemperature ?? 'no'} °C`,
    );
  },
});
