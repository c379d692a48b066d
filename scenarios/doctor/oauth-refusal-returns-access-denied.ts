import { defineScenario } from '../../harness/index.ts';
import { saw } from './support/doctor-steps.ts';

export default defineScenario({
  name: 'refuseOnOAuthPage sends the customer back to NOX with access_denied',
  rule: 'refuseOnOAuthPage must log in on your OAuth page as ctx.user and refuse your terms (or cancel); your app must then send the browser to redirect_uri?error=access_denied&state=… .',
  severity: 'advisory',
  tags: ['refuseOnOAuthPage'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'refuseOnOAuthPage'],
  async run(t) {
    await t.manufacturer.startConnection();
    await t.supplier.refuseOnOAuthPage();
    const end = await t.manufacturer.result();
    t.expect.that(
      end.outcome === 'failed' && end.error === 'access_denied',
      'NOX to send the customer back to the manufacturer with error=access_denied',
      `it sent them back with ${JSON.stringify(end)}`,
    );
    await saw(
      t,
      `after refuseOnOAuthPage NOX sent the browser back to the manufacturer with ${JSON.stringify(end)}`,
    );
  },
});
