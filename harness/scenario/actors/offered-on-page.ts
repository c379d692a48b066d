import type { Page } from 'playwright-core';
import { ExpectationFailed } from '../../errors.ts';
import type { Scenario } from '../define-scenario.ts';
import { pageText } from '../page-text.ts';

/**
 * Does what needs an element the page must offer (a click, a fill) once it is there. When it does not come
 * within the page's timeout, the supplier sent the browser somewhere else: a verdict saying where it is and
 * what it shows, not a timeout. Only that wait can be the verdict: the action runs after it, so a click
 * whose navigation is slow under load stays the harness's own wait.
 */
export async function offeredOnPage(
  page: Page,
  scenario: Pick<Scenario, 'rule' | 'docs'>,
  what: string,
  selector: string,
  act: () => Promise<unknown>,
): Promise<void> {
  const there = await page
    .locator(selector)
    .first()
    .waitFor({ state: 'attached' })
    .then(() => true)
    // By name, not instanceof: a copy of playwright-core loaded elsewhere has its own class.
    .catch((error: Error) => (error?.name === 'TimeoutError' ? false : Promise.reject(error)));
  if (!there) {
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
