import type { Page } from 'playwright-core';
import { ExpectationFailed } from '../../errors.ts';
import type { Scenario } from '../define-scenario.ts';
import { pageText } from '../page-text.ts';

/**
 * Does what needs an element the page must offer now (a click, a fill); when it is not there in time, the
 * supplier sent the browser somewhere else: a verdict saying where it is and what it shows, not a timeout.
 */
export async function offeredOnPage(
  page: Page,
  scenario: Pick<Scenario, 'rule' | 'docs'>,
  what: string,
  act: () => Promise<unknown>,
): Promise<void> {
  try {
    await act();
  } catch (error) {
    // Only a wait that ended is the page's answer; anything else (a closed page) is the harness's own.
    // By name, not instanceof: a copy of playwright-core loaded elsewhere has its own class.
    if ((error as Error | null)?.name !== 'TimeoutError') throw error;
    const text = (await pageText(page)).trim().slice(0, 200);
    throw new ExpectationFailed(
      what,
      `the browser is on ${page.url()}, showing "${text}"`,
      scenario.rule,
      scenario.docs,
    );
  }
}
