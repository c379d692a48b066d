import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';

export default defineScenario({
  name: 'shows a failure and stores nothing when NOX refuses an account already linked to another customer',
  rule: 'Modelled by nox-testkit: under a reject policy the same manufacturer account under a second supplier_user_id returns error=duplicate_connection (NOX’s documented default makes a second NOX user instead).',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'advisory',
  tags: ['relink', 'policy', 'failure', 'v2', 'hp'],
  exclusive: true,
  async run(t) {
    await t.platform.setPolicies({ same_account_other_user: 'reject' });
    const account = t.username();
    await connectWithoutNoxPages(t, { username: account });
    t.actAs();
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(account);
    await t.expect.failed('duplicate_connection');
    await t.expect.readBack({ nox_user_id: null });
  },
});
