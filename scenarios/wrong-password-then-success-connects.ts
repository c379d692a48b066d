import { defineScenario } from '../harness/index.ts';
import { linkedNoxUser } from './support/linked-nox-user.ts';

export default defineScenario({
  name: 'connects when the user first types a wrong password at the manufacturer and then the right one',
  rule: 'The manufacturer login happens on NOX’s pages; retries there are part of the same link session, which ends with the success redirect. Modelled by nox-testkit: +wrongpassword rejects the first password.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['login', 'v2', 'hp'],
  async run(t) {
    const username = t.username('wrongpassword');
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(username, 'wrong');
    await t.nox.logIn(username, 'right');
    await t.expect.connected();
    const noxUser = await linkedNoxUser(t);
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
