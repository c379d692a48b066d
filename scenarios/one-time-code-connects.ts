import { defineScenario } from '../harness/index.ts';
import { linkedNoxUser } from './support/linked-nox-user.ts';

export default defineScenario({
  name: 'connects when the manufacturer asks for a one-time code after the password',
  rule: 'The manufacturer login happens on NOX’s pages, including extra steps such as a one-time code; the session still ends with the success redirect. Modelled by nox-testkit: +otp asks for code 123456.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['login', 'v2', 'hp'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username('otp'));
    await t.nox.enterCode('123456');
    await t.expect.connected();
    const noxUser = await linkedNoxUser(t);
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
