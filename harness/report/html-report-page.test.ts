import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../browser/launch-browser.ts';
import { createHtmlReporter } from './html-reporter.ts';
import { createRetriedRunFixture, writeRetriedRunScreenshots } from './test-support/retried-run-fixture.ts';

let reportDir: string;
let reportUrl: string;
let browser: Browser;
beforeAll(async () => {
  reportDir = await mkdtemp(join(tmpdir(), 'nox-html-page-'));
  await writeRetriedRunScreenshots(reportDir);
  await createHtmlReporter().onRunEnd(createRetriedRunFixture(), reportDir);
  reportUrl = pathToFileURL(join(reportDir, 'index.html')).href;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await rm(reportDir, { recursive: true, force: true });
});

/** Opens the report (at `hash`), recording any request beyond the report folder, any script error and any dialog. */
async function openReport(
  hash = '',
  width = 1280,
): Promise<{ page: Page; problems: string[]; files: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const problems: string[] = [];
  const files: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(pathToFileURL(reportDir).href))
      files.push(r.url().slice(reportUrl.lastIndexOf('/') + 1));
    else problems.push(`request ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`error ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(reportUrl + hash);
  return { page, problems, files };
}

const visibleIds = (page: Page) =>
  page.locator('.scenario:visible').evaluateAll((all) => all.map((s) => (s as HTMLElement).dataset.id));
const widths = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));

describe('the HTML report in a browser', () => {
  test('loads its screenshots from the files beside it and nothing from the network, running no echoed script', async () => {
    const { page, problems, files } = await openReport();
    expect(await page.locator('details.scenario[open]').evaluateAll((all) => all.map((s) => s.id))).toEqual([
      'scenario-cancel-shows-error',
      'scenario-consumed-link-not-reused',
      'scenario-callback-refused',
    ]);
    // Lazy images load as they come near the viewport.
    await page.locator('#scenario-callback-refused img.shot:visible').scrollIntoViewIfNeeded();
    await expect.poll(() => widths(page, '.scenario[open] img.shot:visible')).toEqual([1, 3]);
    expect(files).toEqual(
      expect.arrayContaining(['screenshots/link-completes-1.png', 'screenshots/callback-refused-02.png']),
    );
    await page.locator('#scenario-token-refresh > summary').click();
    await expect.poll(() => widths(page, '#scenario-token-refresh img.shot')).toEqual([3]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('searches id, name, rule and failure messages, every word in any order, keeping the search in the hash', async () => {
    const { page, problems } = await openReport();
    const search = page.getByRole('searchbox');
    await search.fill('SOCKET hang');
    expect(await visibleIds(page)).toEqual(['token-refresh']);
    expect(new URL(page.url()).hash).toBe('#?q=SOCKET+hang');
    await search.fill('callback supplier');
    expect(await visibleIds(page)).toEqual(['link-completes', 'callback-refused']);
    await search.fill('consumed-link');
    expect(await visibleIds(page)).toEqual(['consumed-link-not-reused']);
    await search.fill('no scenario says this');
    expect(await visibleIds(page)).toEqual([]);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await search.fill('');
    expect(await visibleIds(page)).toHaveLength(6);
    expect(new URL(page.url()).hash).toBe('');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('shows only the scenarios a filter chooses, as many as its button counts', async () => {
    const { page, problems } = await openReport();
    const buttons = page.locator('[data-filter="status"]');
    for (const label of await buttons.allTextContents()) {
      await page.getByRole('button', { name: label, exact: true }).click();
      const count = Number(label.split(' ').pop());
      expect(await visibleIds(page), label).toHaveLength(count);
      expect(await page.locator('#shown').textContent()).toBe(`${count} of 6 shown`);
    }
    await page.getByRole('button', { name: 'Failed 3' }).click();
    await page.getByRole('button', { name: 'Advisory 2' }).click();
    expect(await visibleIds(page)).toEqual(['consumed-link-not-reused']);
    await page.getByRole('button', { name: 'Flaky 1' }).click();
    expect(await visibleIds(page)).toEqual(['token-refresh']);
    expect(new URL(page.url()).hash).toBe('#?status=flaky&severity=advisory');
    await page.getByRole('button', { name: 'Skipped 1' }).click();
    expect(await visibleIds(page)).toEqual([]);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('opens a shared filtered view from its hash, ignoring a value it does not know', async () => {
    const { page, problems } = await openReport('#?status=failed&severity=required&q=cancel');
    expect(await visibleIds(page)).toEqual(['cancel-shows-error']);
    expect(await page.getByRole('button', { name: 'Failed 3' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('searchbox').inputValue()).toBe('cancel');
    await page.goto(`${reportUrl}#?status=<b>&q=%E0%A4%A`);
    expect(await visibleIds(page)).toEqual([]);
    await page.goto(`${reportUrl}#?status=bogus`);
    expect(await visibleIds(page)).toHaveLength(6);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('opens and scrolls to the scenario a deep link names, even one a filter had hidden', async () => {
    const { page, problems } = await openReport('#shows-stored-devices');
    const skipped = page.locator('#scenario-shows-stored-devices');
    expect(await skipped.getAttribute('open')).toBe('');
    const belowTheBar = () =>
      skipped.evaluate(
        (s) =>
          s.getBoundingClientRect().top -
          (document.querySelector('.filters')?.getBoundingClientRect().bottom ?? Number.NaN),
      );
    await expect.poll(belowTheBar).toBeGreaterThanOrEqual(0);
    expect(await belowTheBar()).toBeLessThan(20);
    await page.getByRole('button', { name: 'Failed 3' }).click();
    await page.evaluate(() => {
      location.hash = '#token-refresh';
    });
    await expect.poll(() => page.locator('#scenario-token-refresh').getAttribute('open')).toBe('');
    expect(await visibleIds(page)).toHaveLength(6);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("copies a scenario's link, which opens that scenario", async () => {
    const { page, problems } = await openReport();
    await page.locator('#scenario-link-completes > summary').click();
    await page.locator('#scenario-link-completes').getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.locator('#scenario-link-completes .copy-link').textContent()).toBe('Copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${reportUrl}#link-completes`);
    await page.goto('about:blank');
    await page.goto(link);
    expect(await page.locator('#scenario-link-completes').getAttribute('open')).toBe('');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("switches between a retried scenario's attempts with the mouse and the arrow keys", async () => {
    const { page, problems } = await openReport('#callback-refused');
    const scenario = page.locator('#scenario-callback-refused');
    const selected = () => scenario.locator('[role=tab][aria-selected=true]').textContent();
    expect(await selected()).toContain('Attempt 2');
    expect(await scenario.locator('.attempt:visible .callout').textContent()).toContain('showed "connected"');
    await scenario.getByRole('tab', { name: /Attempt 1/ }).click();
    expect(await scenario.locator('.attempt:visible .callout').textContent()).toContain(
      'Timed out after 30 s',
    );
    await expect
      .poll(() => widths(page, '#scenario-callback-refused .attempt:visible img.shot'))
      .toEqual([2]);
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toContain('Attempt 2');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Attempt 2');
    expect(await widths(page, '#scenario-callback-refused .attempt:visible img.shot')).toEqual([3]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  for (const width of [1280, 390]) {
    test(`widens nothing past a ${width} px viewport, with every section, call and attempt open`, async () => {
      const { page } = await openReport('', width);
      await page.getByRole('button', { name: 'Expand all' }).click();
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
        for (const panel of document.querySelectorAll<HTMLElement>('[role=tabpanel]')) panel.hidden = false;
      });
      const tooWide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(tooWide).toEqual([]);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      await page.context().close();
    });
  }

  test('enlarges a screenshot on click or Enter and closes it on Escape, giving focus back', async () => {
    const { page } = await openReport();
    await page.locator('#scenario-cancel-shows-error img.shot').click();
    expect(await page.locator('#lightbox').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('#lightbox').isVisible()).toBe(false);
    await page.locator('#scenario-cancel-shows-error .shot-link').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#lightbox').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('shot-link');
    await page.context().close();
  });

  test('moves to the search box on "/"', async () => {
    const { page } = await openReport();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.context().close();
  });
});
