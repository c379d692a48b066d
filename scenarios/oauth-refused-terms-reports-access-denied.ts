import { defineScenario } from '../harness/index.ts';
import { describeCalls } from './support/describe-calls.ts';

export default defineScenario({
  name: 'sends the user back to NOX with error=access_denied when they refuse the terms on the OAuth page',
  rule: 'NOX documents this leg as an OAuth flow ("linking them to an energy supplier via OAuth"): the user logs in on the supplier’s page and consents to its terms. A user who refuses must not end up linked: the supplier makes no POST /post-login-redirect after a refusal, and sends the browser to NOX’s redirect_uri with error=access_denied and the state (RFC 6749 §4.1.2.1), so NOX reports the refusal.',
  docs: 'https://docs.nox.energy/api-docs/manufacturer-integration-deprecated/manufacturer-integration/connect-user-to-nox-with-supplier-oauth',
  severity: 'required',
  tags: ['failure', 'flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'refuseOnOAuthPage'],
  async run(t) {
    await t.webApp.startConnection();
    await t.supplier.refuseOnOAuthPage();
    const end = await t.webApp.result();
    // The confirmation is the cause, NOX's "connected" only its effect: the POST is reported first.
    const posts = await t.journal({ method: 'POST', path: '/post-login-redirect' });
    t.expect.that(
      posts.length === 0,
      'no POST /post-login-redirect after the user refused the terms',
      `the supplier made ${describeCalls(posts)} after the user refused its terms: it confirmed a login the user did not consent to${end.outcome === 'connected' ? ', so NOX shows the link as connected' : ''}`,
    );
    t.expect.that(
      end.outcome === 'failed' && end.error === 'access_denied',
      'NOX’s web app to report the refusal as access_denied',
      end.outcome === 'failed'
        ? `NOX reports ${end.error}: the supplier sent the browser back without error=access_denied`
        : 'NOX shows the link as connected',
    );
    await t.expect.readBack({ nox_user_id: null });
  },
});
