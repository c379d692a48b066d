import { defineScenario } from '../harness/index.ts';
import { expectConnectedEnd, expectMappedToCustomer } from './support/expect-linked.ts';

export default defineScenario({
  name: 'names the customer who logged in on its OAuth page in POST /post-login-redirect',
  rule: 'NOX maps its user and devices to the user_id the supplier gives it (supplier integration guide). In this flow that is POST /post-login-redirect {state, user_id} (modelled by nox-testkit), naming the supplier’s customer on the OAuth page; another customer’s id hands this user’s heat pump to someone else.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['security', 'flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'logInOnOAuthPage'],
  async run(t) {
    const customer = t.user;
    const seen = await t.webApp.startConnection();
    // Meanwhile another customer logs in to the supplier (another browser): the POST must still name
    // the one on the OAuth page, whoever logged in last.
    const other = t.actAs();
    await t.supplier.startConnection({ assetType: 'hp' });
    t.actAs(customer);
    await t.supplier.open(seen.oauthUrl);
    await t.supplier.logInOnOAuthPage();
    const end = await t.webApp.result();
    const posts = (
      await t.journal({ scope: 'organisation', method: 'POST', path: '/post-login-redirect' })
    ).filter((e) => (e.request.body as { state?: unknown } | null)?.state === seen.state);
    const named = [...new Set(posts.map((e) => String((e.request.body as { user_id?: unknown }).user_id)))];
    t.expect.that(
      named.length === 1 && named[0] === customer,
      `POST /post-login-redirect to name customer ${customer}, who logged in on the OAuth page`,
      named.length === 0
        ? 'the supplier made no POST /post-login-redirect for this state'
        : `it named ${named.join(', ')}${named.includes(other) ? ` (${other} is the customer who logged in elsewhere just before)` : ''}`,
    );
    await expectMappedToCustomer(t, expectConnectedEnd(t, end, 'NOX’s web app'));
  },
});
