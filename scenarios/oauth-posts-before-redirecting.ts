import { defineScenario } from '../harness/index.ts';
import { describeCalls } from './support/describe-calls.ts';
import { expectConnectedEnd } from './support/expect-linked.ts';

export default defineScenario({
  name: 'confirms the login to NOX before it sends the browser back',
  rule: 'NOX maps its user to the supplier’s customer only once the supplier names them (supplier integration guide: NOX maps the device to the user_id the supplier provides). Modelled by nox-testkit: the supplier’s backend calls POST /post-login-redirect and only then sends the browser to the redirect_url NOX answered; a browser that comes back to NOX before the confirmation ends the link with supplier_not_confirmed.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'logInOnOAuthPage'],
  async run(t) {
    await t.webApp.startConnection();
    await t.supplier.logInOnOAuthPage();
    const end = await t.webApp.result();
    const posts = await t.journal({ method: 'POST', path: '/post-login-redirect' });
    t.expect.that(
      end.outcome === 'connected' || end.error !== 'supplier_not_confirmed',
      'the browser to come back to NOX after the supplier confirmed the login',
      `NOX ended the link with supplier_not_confirmed: the browser came back before a successful POST /post-login-redirect (the supplier made ${describeCalls(posts)})`,
    );
    expectConnectedEnd(t, end, 'NOX’s web app');
  },
});
