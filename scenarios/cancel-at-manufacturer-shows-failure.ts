import { defineScenario } from '../harness/index.ts';

export default defineScenario({
  name: 'shows a failure and stores no link when the user cancels at the manufacturer',
  rule: 'NOX sends data only after a successful link; any other return is not a connection. Modelled by nox-testkit: Cancel at the manufacturer returns to redirect_url with error=access_denied.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['failure', 'v2', 'hp'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.cancel();
    await t.expect.failed('access_denied');
    await t.expect.readBack({ nox_user_id: null });
  },
});
