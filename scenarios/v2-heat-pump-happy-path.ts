import { defineScenario } from '../harness/index.ts';
import { linkedNoxUser } from './support/linked-nox-user.ts';

export default defineScenario({
  name: 'connects a heat pump through NOX and shows it as connected',
  rule: 'A v2 link session returns the user to redirect_url with ?data= (nox_user_id, supplier_user_id, brand, device_ids, connected_at); the supplier maps the NOX user to its customer.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['happy-path', 'v2', 'hp'],
  async run(t) {
    // asset_type is not checked here: NOX refuses a link session without it (link-session-sends-asset-type).
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username());
    await t.expect.connected();
    const noxUser = await linkedNoxUser(t);
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
