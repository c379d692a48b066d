import type { Page } from 'playwright-core';

/** The page's text on one line, for saying in a failure where the browser is instead of only timing out. */
export async function pageText(page: Page): Promise<string> {
  const body = await page
    .locator('body')
    .textContent({ timeout: 1000 })
    .catch(() => '');
  return (body || '(an empty page)').replace(/\s+/g, ' ');
}
