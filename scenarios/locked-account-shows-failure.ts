import { defineScenario } from '../harness/index.ts';

export default defineScenario({
  name: 'shows a failure when the manufacturer account is locked and the user gives up',
  rule: 'NOX sends data only after a successful link. Modelled by nox-testkit: a locked manufacturer account cannot log in, and the user’s Cancel returns error=access_denied.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['failure', 'v2', 'hp'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username('locked'));
    await t.nox.cancel();
    await t.expect.failed('access_denied');
    await t.expect.readBack({ nox_user_id: null });
  },
});
