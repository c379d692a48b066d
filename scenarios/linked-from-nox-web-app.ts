import { defineScenario } from '../harness/index.ts';
import { expectConnectedEnd, expectMappedToCustomer } from './support/expect-linked.ts';

export default defineScenario({
  name: 'connects a customer who starts in NOX’s web app and logs in on the supplier’s OAuth page',
  rule: 'NOX’s guide: a user who enables NOX optimisations in NOX’s web app is sent to an energy supplier selector (the guide’s only sentence on this flow; the rest is modelled by nox-testkit). The user picks the supplier; on the supplier’s OAuth page they log in and accept, the supplier’s backend names that customer with POST /post-login-redirect {state, user_id} and sends the browser to the redirect_url NOX answered; NOX maps its user to that customer.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['happy-path', 'flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'logInOnOAuthPage'],
  async run(t) {
    await t.webApp.startConnection();
    await t.supplier.logInOnOAuthPage();
    const end = expectConnectedEnd(t, await t.webApp.result(), 'NOX’s web app');
    await expectMappedToCustomer(t, end);
  },
});
