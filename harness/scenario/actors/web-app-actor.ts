import type { ScenarioContext } from '../scenario-context.ts';
import { freshTag } from '../scenario-customers.ts';
import { chooseSupplier } from './choose-supplier.ts';
import type { Flow2Deps } from './flow2-deps.ts';
import { readLinkEnd } from './link-end.ts';
import { offeredOnPage } from './offered-on-page.ts';

/** The end user on NOX's own web app (mock-nox/pages/web-app): sign in, turn on optimisations, settings. */
export function createWebAppActor(deps: Flow2Deps): ScenarioContext['webApp'] {
  const { page, step, mock, scenario, customers, organisationId: org } = deps;
  /** Clicks what the page must offer, or fails saying what the page shows instead. */
  const clickOffered = (selector: string, what: string) =>
    offeredOnPage(page, scenario, what, selector, () => page.click(selector));
  return {
    startConnection: async ({ brand = 'daikin', username = `web${freshTag()}`, language = 'en' } = {}) => {
      await step(`Open NOX's web app and choose ${brand}`, async () => {
        await page.goto(new URL(`/ui/app?language=${language}`, deps.noxUrl).toString());
        await clickOffered(`a[data-brand="${brand}"]`, `NOX's web app to offer the brand ${brand}`);
      });
      await step(`Sign in at ${brand} as ${username}`, async () => {
        await page.fill('#username', username);
        await page.fill('#password', 'secret');
        await page.click('button[value=login]');
        // A +otp account asks for its one-time code, as in flow 1: wait for whichever page comes.
        await page
          .locator('#code, #turn-on')
          .first()
          .waitFor()
          .catch(() => undefined);
        if (await page.locator('#code').count()) {
          await page.fill('#code', '123456');
          await page.click('button[value=verify]');
        }
      });
      await step('Turn on NOX optimisations', () =>
        clickOffered('#turn-on', 'NOX\'s web app to offer "Turn on NOX optimisations"'),
      );
      return chooseSupplier(deps);
    },
    result: () => readLinkEnd(deps, 'web-app'),
    changeSettings: (change) =>
      step(
        `The user changes settings on NOX's web app: ${JSON.stringify(change)}`,
        async () => {
          const user = customers.current();
          const noxUser = (await mock.state(org)).nox_users.find((u) => u.supplier_user_id === user);
          if (!noxUser) throw new Error(`customer ${user} has no NOX user, so no settings on NOX's web app`);
          await mock.patchSettingsAsUser(noxUser.id, change);
        },
        false,
      ),
  };
}
