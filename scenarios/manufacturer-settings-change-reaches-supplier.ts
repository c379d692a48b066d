import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeDeliveries, settingsWebhook, whyChangeNotShown } from './support/settings-webhook.ts';

export default defineScenario({
  name: 'shows a settings change the manufacturer made on the supplier’s settings page',
  rule: 'Settings are the NOX user’s, whichever party changes them (Patch Devices Settings: "Update on a device or nox user level the device/user settings", for suppliers and manufacturers alike), and NOX sends the other parties a data change event with the "New value for the changed attribute" (partner webhooks; metadata.device_id "can be null for user-scoped settings"), which a 2xx acknowledges. Modelled by nox-testkit: the settings event types (user.settings.room.preferred_temperature.updated …), as NOX does not publish its list. A supplier that acknowledges the change and keeps showing the old value shows the customer settings no longer in force.',
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
