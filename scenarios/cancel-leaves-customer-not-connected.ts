import { defineScenario } from '../harness/index.ts';
import { expectStatusNotConnected } from './support/expect-not-connected-status.ts';

export default defineScenario({
  name: 'does not treat the customer as connected after a cancel at the manufacturer',
  rule: 'NOX sends data only after a successful link; until then (and after a cancel, an expiry or any failure) the customer is not connected. Modelled by nox-testkit: Cancel returns error=access_denied. A supplier that marks the customer connected when the link starts still says so afterwards.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['failure', 'v2', 'hp'],
  needs: ['readBack'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.cancel();
    await t.expect.failed('access_denied');
    if (!(await expectStatusNotConnected(t, 'the cancel')))
      t.skip('the adapter’s readBack reports no status, so the supplier’s own connection state is unknown', [
        'readBack.status',
      ]);
  },
});
