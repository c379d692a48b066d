import { ExpectationFailed } from '../../errors.ts';
import { pageText } from '../page-text.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import type { ActorDeps } from './actor-deps.ts';
import { offeredOnPage } from './offered-on-page.ts';

/** The end user in the browser on NOX's pages: brand choice, the manufacturer's login, the one-time code. */
export function createNoxUserActor(
  deps: ActorDeps,
  latestLinkSession: ScenarioContext['nox']['latestLinkSession'],
): ScenarioContext['nox'] {
  const { page, step, mock, scenario } = deps;
  const click = (selector: string) => page.click(selector);
  /** On NOX's pages, but not the one the step needs (a brand page the supplier skipped, an error page). */
  const offered = (what: string, selector: string, act: () => Promise<unknown>) =>
    offeredOnPage(page, scenario, `NOX's page to offer ${what}`, selector, act);
  /** The user's NOX steps need NOX's pages: say where the browser is instead of timing out on a selector. */
  const onNox = async (what: string) => {
    const here = URL.canParse(page.url()) ? new URL(page.url()) : undefined;
    const nox = new URL(mock.baseUrl);
    if (here && here.port === nox.port && ['127.0.0.1', 'localhost'].includes(here.hostname)) return;
    const text = (await pageText(page)).trim().slice(0, 160);
    throw new ExpectationFailed(
      `the browser to be on NOX's pages to ${what}`,
      `it is on ${page.url()}, showing "${text}"`,
      scenario.rule,
      scenario.docs,
    );
  };
  return {
    chooseBrand: (slug) =>
      step(`Choose ${slug} on NOX's brand page`, async () => {
        await onNox(`choose ${slug}`);
        const brand = `a[data-brand="${slug}"]`;
        await offered(`the brand ${slug}`, brand, () => click(brand));
      }),
    logIn: (username, password = 'secret') =>
      step(`Log in at the manufacturer as ${username}`, async () => {
        await onNox('log in at the manufacturer');
        await offered("the manufacturer's login", '#username', () => page.fill('#username', username));
        await page.fill('#password', password);
        await click('button[value=login]');
      }),
    enterCode: (code = '123456') =>
      step(`Enter the one-time code ${code}`, async () => {
        await onNox('enter the one-time code');
        await offered('the one-time code', '#code', () => page.fill('#code', code));
        await click('button[value=verify]');
      }),
    cancel: () =>
      step('Cancel at the manufacturer', async () => {
        await onNox('cancel at the manufacturer');
        await offered("the manufacturer's cancel", 'button[value=cancel]', () =>
          click('button[value=cancel]'),
        );
      }),
    latestLinkSession,
  };
}
