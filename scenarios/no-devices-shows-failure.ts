import { defineScenario } from '../harness/index.ts';

export default defineScenario({
  name: 'shows a failure and stores no link when the manufacturer account has no devices',
  rule: 'NOX sends data only after a successful link. Modelled by nox-testkit: an account without devices returns error=no_devices.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['failure', 'v2', 'hp'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username('nodevices'));
    await t.expect.failed('no_devices');
    await t.expect.readBack({ nox_user_id: null });
  },
});
