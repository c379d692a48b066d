import { defineScenario } from '../harness/index.ts';

export default defineScenario({
  name: 'shows a failure and stores no link when the manufacturer is unavailable',
  rule: 'NOX sends data only after a successful link. Modelled by nox-testkit: a manufacturer outage ends the session with error=brand_unavailable.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['failure', 'fault', 'v2', 'hp'],
  exclusive: true,
  async run(t) {
    await t.platform.setFaults({ brand_outages: ['daikin'] });
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username());
    await t.expect.failed('brand_unavailable');
    await t.expect.readBack({ nox_user_id: null });
  },
});
