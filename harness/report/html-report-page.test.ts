import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../browser/launch-browser.ts';
import { createHtmlReporter } from './html-reporter.ts';
import { createRunResultFixture, writeFixtureScreenshots } from './testing/run-result-fixture.ts';

let reportDir: string;
let browser: Browser;
beforeAll(async () => {
  reportDir = await mkdtemp(join(tmpdir(), 'nox-html-page-'));
  await writeFixtureScreenshots(reportDir);
  await createHtmlReporter().onRunEnd(createRunResultFixture(), reportDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await rm(reportDir, { recursive: true, force: true });
});

/** Opens the report, recording any request beyond the file itself, any script error and any dialog. */
async function openReport(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('request', (r) => {
    if (!/^(file|data):/.test(r.url())) problems.push(`request ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`error ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(join(reportDir, 'index.html')).href);
  return { page, problems };
}

const visibleNames = (page: Page) => page.locator('.scenario:visible h2').allTextContents();

describe('the HTML report in a browser', () => {
  test('loads nothing from the network, runs no echoed script and shows failed scenarios open', async () => {
    const { page, problems } = await openReport();
    expect(await page.locator('details.scenario[open] h2').allTextContents()).toEqual([
      'shows an error when the user cancels at the manufacturer',
      'does not reuse a consumed link <twice> & "again"',
    ]);
    expect(
      await page
        .locator('img.shot')
        .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)),
    ).toEqual([1, 1]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('filters by status and by severity', async () => {
    const { page, problems } = await openReport();
    await page.getByRole('button', { name: 'Failed 2' }).click();
    expect(await visibleNames(page)).toHaveLength(2);
    await page.getByRole('button', { name: 'Advisory 1' }).click();
    expect(await visibleNames(page)).toEqual(['does not reuse a consumed link <twice> & "again"']);
    await page.getByRole('button', { name: 'Skipped 1' }).click();
    expect(await visibleNames(page)).toEqual([]);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'All 4' }).click();
    await page.getByRole('button', { name: 'Any' }).click();
    expect(await visibleNames(page)).toHaveLength(4);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('enlarges a screenshot on click and closes it on Escape', async () => {
    const { page } = await openReport();
    await page.locator('#scenario-cancel-shows-error img.shot').click();
    expect(await page.locator('#lightbox').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('#lightbox').isVisible()).toBe(false);
    await page.close();
  });
});
