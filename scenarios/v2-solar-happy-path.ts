import { defineScenario } from '../harness/index.ts';
import { linkedNoxUser } from './support/linked-nox-user.ts';

export default defineScenario({
  name: 'connects solar panels through NOX with asset_type pv and shows them as connected',
  rule: 'A v2 link session for solar panels is created with asset_type "pv"; NOX then offers the PV brands and returns the user to redirect_url with ?data=, which the supplier maps to its customer.',
  docs: 'https://docs.nox.energy/api-docs/supplier-integration/supplier/create-supplier-link-session',
  severity: 'required',
  tags: ['happy-path', 'v2', 'pv'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'pv' });
    const session = await t.nox.latestLinkSession();
    t.expect.that(
      session.request.asset_type === 'pv',
      'the link session for solar panels to ask for asset_type "pv"',
      `it sent ${JSON.stringify(session.request.asset_type) ?? 'no asset_type'}`,
    );
    await t.nox.chooseBrand('sma');
    await t.nox.logIn(t.username());
    await t.expect.connected();
    const noxUser = await linkedNoxUser(t);
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
