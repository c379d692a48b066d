import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { forgeCallback } from './support/forge-callback.ts';
import { callbackUrlOf } from './support/link-session-fields.ts';

export default defineScenario({
  name: 'refuses a callback that names another customer than the one logged in',
  rule: 'The callback’s data (supplier_user_id, nox_user_id, device_ids) is plain base64url JSON, not signed: anyone can build one. The supplier must check that supplier_user_id is the logged-in customer who started the link, or one customer can take over another’s devices.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['security', 'v2', 'hp'],
  async run(t) {
    const victim = t.user;
    const { noxUser: victimNox } = await connectWithoutNoxPages(t);
    t.actAs();
    await t.supplier.startConnection({ assetType: 'hp' });
    const redirectUrl = callbackUrlOf(await t.nox.latestLinkSession());
    if (redirectUrl === undefined)
      return t.skip('the supplier’s link session has no redirect_url to forge a v2 callback on');
    const forged = forgeCallback(redirectUrl, {
      nox_user_id: victimNox.id,
      supplier_user_id: victim,
      brand: 'daikin',
      device_ids: victimNox.device_ids,
      connected_at: Math.floor(Date.now() / 1000),
    });
    await t.supplier.open(forged);
    await t.expect.failed();
    await t.expect.readBack({ nox_user_id: null });
  },
});
