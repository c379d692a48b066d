import { defineScenario } from '../harness/index.ts';
import { describeCalls } from './support/describe-calls.ts';
import { expectNotConnectedAfterOAuth } from './support/expect-not-connected-after-oauth.ts';

const LIFETIME = 900;

export default defineScenario({
  name: 'does not connect a customer who finishes the supplier’s OAuth login after NOX’s 15 minutes',
  rule: 'After the 15-minute timeout NOX always fails the authentication, even if the user completes it (v1 guide). Modelled by nox-testkit for the supplier’s OAuth page: POST /post-login-redirect with an expired state answers 410; the supplier must show a failure and not store the customer as connected.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['expiry', 'failure', 'flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'logInOnOAuthPage'],
  exclusive: true,
  async run(t) {
    await t.platform.setPolicies({ lifetime_supplier_oauth_seconds: LIFETIME });
    const seen = await t.webApp.startConnection();
    await t.platform.advanceClock(LIFETIME + 1);
    await t.supplier.logInOnOAuthPage();
    await expectNotConnectedAfterOAuth(t, seen);
    const posts = await t.journal({ method: 'POST', path: '/post-login-redirect' });
    t.expect.that(
      posts.length > 0 && posts.every((e) => e.response.status === 410),
      'the supplier’s POST /post-login-redirect to be answered 410 (the state expired)',
      `the supplier made ${describeCalls(posts)}`,
    );
  },
});
