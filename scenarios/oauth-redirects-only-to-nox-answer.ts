import { defineScenario } from '../harness/index.ts';
import { expectConnectedEnd } from './support/expect-linked.ts';

const ELSEWHERE = 'https://elsewhere.example';

export default defineScenario({
  name: 'sends the browser to the redirect_url NOX answered, not to the redirect_uri of its page’s address',
  rule: 'Risk: the redirect_uri on the OAuth page’s address is only a hint anyone can change; following it is an open redirect that sends a user who just logged in to any site. Modelled by nox-testkit: after POST /post-login-redirect the supplier sends the browser to the redirect_url in NOX’s answer. The link itself is made either way, so this is hardening beyond what NOX documents.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'advisory',
  tags: ['security', 'flow-2', 'oauth', 'hp'],
  flow: 'manufacturer-app',
  needs: ['oauthLoginPath', 'logInOnOAuthPage'],
  async run(t) {
    const seen = await t.webApp.startConnection();
    const nox = new URL(new URL(seen.oauthUrl).searchParams.get('redirect_uri') ?? seen.oauthUrl);
    const tampered = new URL(seen.oauthUrl);
    tampered.searchParams.set('redirect_uri', `${ELSEWHERE}/ui/supplier-return`);
    // The other site answers with a page of its own, so the browser visibly ends there if sent.
    await t.page.route(`${ELSEWHERE}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Another site</h1>' }),
    );
    // Seen as the navigation the browser starts: a headless shell does not route a redirect's target, so
    // a page sent elsewhere may end on an error page instead of the one above.
    const sentElsewhere = t.page
      .waitForRequest((r) => r.isNavigationRequest() && new URL(r.url()).origin === ELSEWHERE, {
        timeout: 10_000,
      })
      .then(
        (r) => new URL(r.url()),
        () => undefined,
      );
    await t.supplier.open(tampered.toString());
    await t.supplier.logInOnOAuthPage();
    const backAtNox = t.page
      .waitForURL((url) => url.origin === nox.origin, { timeout: 10_000 })
      .then(
        () => undefined,
        () => undefined,
      );
    const elsewhere = await Promise.race([sentElsewhere, backAtNox]);
    t.expect.that(
      elsewhere === undefined,
      `the browser to go to the redirect_url NOX answered (on ${nox.origin})`,
      `the supplier sent it to ${elsewhere?.origin}${elsewhere?.pathname}, the redirect_uri of its page’s address`,
    );
    expectConnectedEnd(t, await t.webApp.result(), 'NOX’s web app');
  },
});
