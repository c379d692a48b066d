import { defineScenario } from '../harness/index.ts';

export default defineScenario({
  name: 'connects a heat pump through NOX and shows it as connected',
  rule: 'A v2 link session returns the user to redirect_url with ?data= (nox_user_id, supplier_user_id, brand, device_ids, connected_at); the supplier maps the NOX user to its customer.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['happy-path', 'v2', 'hp'],
  needs: ['readBack'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    const session = await t.nox.latestLinkSession();
    t.expect.that(
      session.request.asset_type === 'hp',
      'the link session to ask for asset_type "hp"',
      `it sent ${JSON.stringify(session.request.asset_type) ?? 'no asset_type'}`,
    );
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username());
    await t.expect.connected();
    const noxUser = await t.platform.noxUser();
    t.expect.that(
      noxUser !== null,
      'NOX to have linked the customer',
      'no NOX user is mapped to the customer',
    );
    await t.expect.readBack({ nox_user_id: noxUser?.id ?? null, device_ids: noxUser?.device_ids });
  },
});
