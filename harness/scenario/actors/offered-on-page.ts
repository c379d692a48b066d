import type { Page } from 'playwright-core';
import { ExpectationFailed } from '../../errors.ts';
import type { Scenario } from '../define-scenario.ts';
import { pageText } from '../page-text.ts';

/**
 * Does what needs an element the page must offer (a click, a fill) once the page has loaded. A loaded page
 * without it means the supplier sent the browser somewhere else: a verdict saying where it is and what it
 * shows, not a timeout. The page's load is the event waited on, so a slow page under load is no verdict, and
 * the action itself runs with the page's own timeout (a click waits for the navigation it starts).
 */
export async function offeredOnPage(
  page: Page,
  scenario: Pick<Scenario, 'rule' | 'docs'>,
  what: string,
  selector: string,
  act: () => Promise<unknown>,
): Promise<void> {
  await page.waitForLoadState('load');
  if ((await page.locator(selector).count()) === 0) {
    const text = (await pageText(page)).trim().slice(0, 200);
    throw new ExpectationFailed(
      what,
      `the browser is on ${page.url()}, showing "${text}"`,
      scenario.rule,
      scenario.docs,
    );
  }
  await act();
}
