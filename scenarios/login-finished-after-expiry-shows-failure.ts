import { defineScenario } from '../harness/index.ts';

export default defineScenario({
  name: 'shows a failure when the customer finishes the manufacturer login after the link expired',
  rule: 'A link session expires 10 minutes after creation; after the timeout NOX always fails the authentication, even if the user completes it (v1 guide). Modelled by nox-testkit: error=session_expired.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['expiry', 'failure', 'v2', 'hp'],
  exclusive: true,
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.platform.advanceClock(601);
    await t.nox.logIn(t.username());
    await t.expect.failed('session_expired');
    await t.expect.readBack({ nox_user_id: null });
  },
});
