import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';

export default defineScenario({
  name: 'shows a failure and keeps the old connection when NOX refuses a relink',
  rule: 'Modelled by nox-testkit: NOX’s v2 relinking rule is not public; under a reject policy a second link of the same supplier_user_id returns error=duplicate_connection, and the customer’s existing connection must stay as it was.',
  docs: 'README.md#modelled-not-documented-by-nox',
  severity: 'advisory',
  tags: ['relink', 'policy', 'failure', 'v2', 'hp'],
  exclusive: true,
  async run(t) {
    await t.platform.setPolicies({ same_supplier_user: 'reject' });
    const { noxUser: first } = await connectWithoutNoxPages(t);
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username());
    await t.expect.failed('duplicate_connection');
    await t.expect.readBack({ nox_user_id: first.id, device_ids: first.device_ids });
  },
});
