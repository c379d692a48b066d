import { defineScenario } from '../harness/index.ts';
import { linkedNoxUser } from './support/linked-nox-user.ts';

export default defineScenario({
  name: 'connects a heat pump through the deprecated v1 flow when the supplier still uses it',
  rule: 'v1 (deprecated): POST /users/{userId}/link with redirect_uri (not redirect_url); NOX returns the user to redirect_uri with the NOX user_id and device_id, and the supplier maps them to its customer.',
  docs: 'https://docs.nox.energy/api-docs/supplier-integration-deprecated/supplier-integration/connect-user-to-nox',
  severity: 'required',
  tags: ['happy-path', 'v1', 'hp'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    const v1Calls = await t.journal({ method: 'POST', path: /^\/users\/[^/]+\/link$/ });
    if (v1Calls.length === 0)
      t.skip('the supplier uses the v2 API (POST /v2/supplier/link-sessions), so the v1 flow does not apply');
    const session = await t.nox.latestLinkSession();
    t.expect.that(
      typeof session.request.redirect_uri === 'string',
      'the v1 call to send its callback as redirect_uri (the v1 spelling)',
      `its body has ${Object.keys(session.request).join(', ') || 'no fields'}`,
    );
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username());
    await t.expect.connected();
    const noxUser = await linkedNoxUser(t);
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
