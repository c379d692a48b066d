import { defineScenario } from '../harness/index.ts';
import { describeCalls } from './support/describe-calls.ts';
import { expectConnectedEnd, expectMappedToCustomer } from './support/expect-linked.ts';
import { describeOAuthEnd, oauthEnd } from './support/oauth-end.ts';

export default defineScenario({
  name: 'retries POST /post-login-redirect after a NOX 5xx and still connects the customer once',
  rule: 'Risk: NOX can fail a call with a 5xx. Modelled by nox-testkit: the same POST /post-login-redirect repeated answers the same 200 until the state expires, so a supplier should retry it rather than fail the user’s link, and the link ends confirmed once for the same customer.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'advisory',
  tags: ['fault', 'flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'logInOnOAuthPage'],
  exclusive: true,
  async run(t) {
    await t.platform.setFaults({
      routes: [{ method: 'POST', path: '/post-login-redirect', status: 503, times: 1 }],
    });
    const seen = await t.webApp.startConnection();
    await t.supplier.logInOnOAuthPage();
    const end = await oauthEnd(t, seen);
    const posts = await t.journal({ method: 'POST', path: '/post-login-redirect' });
    t.expect.that(
      posts.some((e) => e.response.status === 200) && 'nox' in end,
      'the supplier to retry POST /post-login-redirect after NOX’s 503 until NOX answers 200, then send the browser back to NOX',
      `the supplier made ${describeCalls(posts)}; ${describeOAuthEnd(end)}`,
    );
    const others = posts.filter((e) => (e.request.body as { user_id?: unknown } | null)?.user_id !== t.user);
    t.expect.that(
      others.length === 0,
      `every retry to name the same customer ${t.user}`,
      `the supplier also posted ${others.map((e) => JSON.stringify(e.request.body)).join(', ')}`,
    );
    if ('nox' in end) await expectMappedToCustomer(t, expectConnectedEnd(t, end.nox, 'NOX’s web app'));
  },
});
