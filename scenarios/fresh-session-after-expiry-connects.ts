import { defineScenario } from '../harness/index.ts';
import { linkedNoxUser } from './support/linked-nox-user.ts';

export default defineScenario({
  name: 'creates a fresh link session after an expired one, and the customer connects',
  rule: 'A link session expires 10 minutes after creation and cannot be reused; to try again the supplier creates a new session (a new link_token) rather than resending the old link_url.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['expiry', 'v2', 'hp'],
  exclusive: true,
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    const expired = await t.nox.latestLinkSession();
    await t.platform.advanceClock(601);
    await t.step('Reload NOX’s brand page after the link expired', () => t.page.reload());
    await t.expect.failed('session_expired');
    await t.supplier.startConnection({ assetType: 'hp' });
    const fresh = await t.nox.latestLinkSession();
    t.expect.that(
      fresh.token !== expired.token,
      'the second attempt to use a new link session',
      `the supplier sent the customer to the expired session ${expired.token} again`,
    );
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username());
    await t.expect.connected();
    const noxUser = await linkedNoxUser(t);
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
