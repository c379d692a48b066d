import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeCalls } from './support/describe-calls.ts';

export default defineScenario({
  name: 'sends a settings change to NOX for the customer’s NOX user',
  rule: 'PATCH /v1/devices/settings (user_id required; room, dhw, optimization_settings optional) answers 204; settings belong to the NOX user and GET /v1/devices/settings then shows them to every party.',
  docs: 'https://docs.nox.energy/api-docs/full-control/user-management/patch-devices-settings',
  severity: 'required',
  tags: ['settings', 'data', 'v2', 'hp'],
  needs: ['changeSettings'],
  async run(t) {
    const { noxUser } = await connectWithoutNoxPages(t);
    await t.supplier.changeSettings({ preferredTemperature: 22.5, dhw: { lower: 42, upper: 58 } });
    const patches = await t.journal({ method: 'PATCH', path: '/v1/devices/settings' });
    const accepted = patches.filter((e) => {
      const body = e.request.body as { user_id?: unknown; room?: { preferred_temperature?: unknown } };
      return (
        e.response.status === 204 && body.user_id === noxUser.id && body.room?.preferred_temperature === 22.5
      );
    });
    t.expect.that(
      accepted.length > 0,
      `a PATCH /v1/devices/settings for user_id ${noxUser.id} with room.preferred_temperature 22.5, answered 204`,
      `the supplier made ${describeCalls(patches)}`,
    );
    const wrong = (await t.platform.settings()).filter(
      (s) =>
        s.room.preferred_temperature !== 22.5 ||
        s.dhw.temperature_lower_bound !== 42 ||
        s.dhw.temperature_upper_bound !== 58,
    );
    t.expect.that(
      wrong.length === 0,
      'NOX to hold room 22.5 °C and hot water 42–58 °C for every heat pump of the customer',
      `it holds ${wrong.map((s) => `${s.device_id}: room ${s.room.preferred_temperature ?? 'default'} °C, hot water ${s.dhw.temperature_lower_bound ?? 'default'}–${s.dhw.temperature_upper_bound ?? 'default'} °C`).join('; ')}`,
    );
  },
});
