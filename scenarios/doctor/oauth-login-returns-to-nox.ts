import { defineScenario } from '../../harness/index.ts';
import { saw } from './support/doctor-steps.ts';

export default defineScenario({
  name: 'logInOnOAuthPage, on your oauthLoginPath, sends the customer back to NOX connected',
  rule: 'oauthLoginPath must be your OAuth login page (NOX sends the user there with state, redirect_uri and language); logInOnOAuthPage must log in there as ctx.user and accept your terms, and your backend must POST /post-login-redirect { state, user_id } and send the browser to the redirect_url NOX answered.',
  severity: 'advisory',
  tags: ['logInOnOAuthPage', 'oauthLoginPath'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'logInOnOAuthPage'],
  async run(t) {
    const seen = await t.manufacturer.startConnection();
    await t.supplier.logInOnOAuthPage();
    const end = await t.manufacturer.result();
    t.expect.that(
      end.outcome === 'connected',
      'NOX to send the customer back to the manufacturer connected',
      `it sent them back with ${JSON.stringify(end)}`,
    );
    await saw(
      t,
      `NOX sent the browser to ${seen.oauthUrl.split('?')[0]}; after logInOnOAuthPage it came back to the manufacturer connected`,
    );
  },
});
