import { defineScenario } from '../harness/index.ts';
import { describeCalls } from './support/describe-calls.ts';
import { expectConnectedEnd, expectMappedToCustomer } from './support/expect-linked.ts';
import { expectNotConnectedAfterOAuth } from './support/expect-not-connected-after-oauth.ts';

export default defineScenario({
  name: 'connects nobody when a finished OAuth link is opened again and another customer logs in',
  rule: 'A supplier shows its customer connected only when NOX linked them (supplier integration guide: NOX keeps the mapping of its user to the supplier’s user_id). Modelled by nox-testkit: NOX’s state is single use and bound to the customer who confirmed it; POST /post-login-redirect for a state already confirmed for another user_id answers 409. The supplier must then show a failure and store no connection, or anyone holding an old OAuth URL can attach their account to another user’s devices.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['security', 'flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'logInOnOAuthPage'],
  async run(t) {
    const seen = await t.webApp.startConnection();
    await t.supplier.logInOnOAuthPage();
    await expectMappedToCustomer(t, expectConnectedEnd(t, await t.webApp.result(), 'NOX’s web app'));
    t.actAs();
    await t.supplier.open(seen.oauthUrl);
    await t.supplier.logInOnOAuthPage();
    await expectNotConnectedAfterOAuth(t, seen);
    const refused = (await t.journal({ method: 'POST', path: '/post-login-redirect' })).filter(
      (e) => (e.request.body as { user_id?: unknown } | null)?.user_id === t.user,
    );
    t.expect.that(
      refused.every((e) => e.response.status === 409),
      `no POST /post-login-redirect for customer ${t.user} with the replayed state, or only ones NOX refused (409)`,
      `the supplier made ${describeCalls(refused)}`,
    );
  },
});
