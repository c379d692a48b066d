import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';

export default defineScenario({
  name: 'changes the hot-water settings the customer’s manufacturer reads when the customer changes them at the supplier',
  rule: 'PATCH /v1/devices/settings stores settings for the NOX user, and every party reads the same values: the heat pump’s manufacturer sees the new dhw bounds on GET /v1/manufacturer/devices with its own key.',
  docs: 'https://docs.nox.energy/api-reference/asset-info/get-manufacturer-devices',
  severity: 'required',
  tags: ['settings', 'data', 'v2', 'hp'],
  needs: ['changeSettings'],
  async run(t) {
    await connectWithoutNoxPages(t);
    await t.supplier.changeSettings({ dhw: { lower: 43, upper: 57 } });
    const read = await t.manufacturer.readsSettings();
    const wrong = read.filter(
      (s) => s.dhw.temperature_lower_bound !== 43 || s.dhw.temperature_upper_bound !== 57,
    );
    t.expect.that(
      read.length > 0 && wrong.length === 0,
      'the manufacturer to read hot water 43–57 °C for every heat pump of the customer',
      read.length === 0
        ? 'the manufacturer reads no heat pump of the customer'
        : `it reads ${wrong.map((s) => `${s.device_id}: hot water ${s.dhw.temperature_lower_bound ?? 'default'}–${s.dhw.temperature_upper_bound ?? 'default'} °C`).join('; ')}`,
    );
  },
});
