import { defineScenario } from '../harness/index.ts';
import { describeCalls } from './support/describe-calls.ts';

export default defineScenario({
  name: 'sends the user back to NOX with error=access_denied when they refuse the terms on the OAuth page',
  rule: 'Modelled by nox-testkit after RFC 6749 §4.1.2.1: a user who refuses (or cancels) on the supplier’s OAuth page is sent to NOX’s redirect_uri with error=access_denied and the state, and no POST /post-login-redirect is made. Without the error NOX can only report supplier_not_confirmed.',
  docs: 'https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1',
  severity: 'advisory',
  tags: ['failure', 'flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'refuseOnOAuthPage'],
  async run(t) {
    await t.webApp.startConnection();
    await t.supplier.refuseOnOAuthPage();
    const end = await t.webApp.result();
    t.expect.that(
      end.outcome === 'failed' && end.error === 'access_denied',
      'NOX’s web app to report the refusal as access_denied',
      end.outcome === 'failed'
        ? `NOX reports ${end.error}: the supplier sent the browser back without error=access_denied`
        : 'NOX shows the link as connected',
    );
    const posts = await t.journal({ method: 'POST', path: '/post-login-redirect' });
    t.expect.that(
      posts.length === 0,
      'no POST /post-login-redirect after a refusal',
      `the supplier made ${describeCalls(posts)}`,
    );
    await t.expect.readBack({ nox_user_id: null });
  },
});
