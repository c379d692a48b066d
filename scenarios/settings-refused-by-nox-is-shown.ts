import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeCalls } from './support/describe-calls.ts';

export default defineScenario({
  name: 'tells the customer a settings change was not saved when NOX refuses it',
  rule: 'PATCH /v1/devices/settings answers 204 when the settings are stored and 422 when NOX refuses them (its validation error); after a 422 nothing changed, so the supplier must not tell the customer the change was saved.',
  docs: 'https://docs.nox.energy/api-docs/full-control/user-management/patch-devices-settings',
  severity: 'required',
  tags: ['settings', 'fault', 'v2', 'hp'],
  needs: ['changeSettings'],
  exclusive: true,
  async run(t) {
    await connectWithoutNoxPages(t);
    await t.platform.setFaults({
      routes: [{ method: 'PATCH', path: '/v1/devices/settings', status: 422, times: 1 }],
    });
    // The hook fails when the settings page shows errors (adapter reference): that is the pass here.
    const refusal = await t.supplier.changeSettings({ preferredTemperature: 22.5 }).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    const patches = await t.journal({ method: 'PATCH', path: '/v1/devices/settings' });
    t.expect.that(
      patches.some((e) => e.response.status === 422),
      'the supplier to send the change as PATCH /v1/devices/settings (which NOX answered 422)',
      `the supplier made ${describeCalls(patches)}`,
    );
    const held = await t.platform.settings();
    t.expect.that(
      held.length > 0 && held.every((h) => h.room.preferred_temperature !== 22.5),
      'NOX to have refused the change (its simulated 422 on PATCH /v1/devices/settings)',
      `NOX holds room ${held.map((h) => h.room.preferred_temperature).join(', ')} °C`,
    );
    t.expect.that(
      refusal !== null,
      'the supplier’s settings page to say the change was not saved (the changeSettings hook then fails)',
      'the page showed the change as saved (the changeSettings hook succeeded) although NOX answered PATCH /v1/devices/settings with 422 and still holds the old settings',
    );
  },
});
