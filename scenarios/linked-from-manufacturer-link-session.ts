import { defineScenario } from '../harness/index.ts';
import { linkFromManufacturer } from './support/link-from-manufacturer.ts';

export default defineScenario({
  name: 'connects a customer who starts in the manufacturer’s app (v2 manufacturer link session)',
  rule: 'POST /v2/manufacturer/link-sessions gives the manufacturer’s app a link_url where the user authenticates with the energy supplier and comes back to the manufacturer’s redirect_url. Modelled by nox-testkit: NOX’s selector sends the user to the supplier’s OAuth page, the supplier confirms its customer with POST /post-login-redirect, and the manufacturer’s callback data names the NOX user, the manufacturer user and the supplier.',
  docs: 'https://docs.nox.energy/api-docs/manufacturer-integration/manufacturer/create-manufacturer-link-session',
  severity: 'required',
  tags: ['happy-path', 'flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'logInOnOAuthPage'],
  run: (t) => linkFromManufacturer(t, 'v2'),
});
