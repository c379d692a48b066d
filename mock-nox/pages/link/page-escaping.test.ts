import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { logIn, textOf } from '../../../test/test-support/browser-steps.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

const script = '<script>alert(1)</script>';
const image = '<img src=x onerror=alert(2)>';

/** Records every alert() the page runs: an escaping bug would show up as a dialog. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

describe('escaping on the hosted pages', () => {
  const f = usePageFixture();

  test('prints a token from the URL on the 404 page as text', async () => {
    const page = await f.newPage();
    const dialogs = watchDialogs(page);
    await page.goto(`${f.mock.url}/ui?token=${encodeURIComponent(script)}&language=en`);
    expect(await page.content()).not.toContain(script);
    expect(await textOf(page, '#error-message')).toContain(script);
    expect(dialogs).toEqual([]);
  });

  test('prints the username typed before as a field value, not as markup', async () => {
    const { page } = await f.openV2Link({ brand: 'daikin', language: 'en' });
    const dialogs = watchDialogs(page);
    const username = `"><script>alert(1)</script>+wrongpassword`;
    await logIn(page, username);
    expect(await textOf(page, '.error')).toContain('password');
    expect(await page.content()).not.toContain(script);
    expect(await page.inputValue('#username')).toBe(username);
    expect(dialogs).toEqual([]);
  });

  test('never prints the supplier name as markup, on any page of the flow', async () => {
    const org = f.mock.store.data.organisations.find((o) => o.id === 'supplier_123');
    if (!org) throw new Error('the demo supplier is missing');
    const realName = org.name;
    org.name = `${image}Acme`;
    await f.control('PUT', '/__nox/policies', { failure_redirects: false });
    try {
      const { page } = await f.openV2Link({ user_id: script, language: 'en' });
      const dialogs = watchDialogs(page);
      const pages = [await page.content()];
      expect(await textOf(page, 'body')).toContain(`${image}Acme wants to connect`);
      await page.click('a[data-brand=daikin]');
      pages.push(await page.content());
      await logIn(page, 'x+nodevices');
      pages.push(await page.content());
      expect(await textOf(page, '#error-code')).toBe('no_devices');
      for (const html of pages) {
        expect(html).not.toContain(script);
        expect(html).not.toContain(image);
      }
      expect(dialogs).toEqual([]);
    } finally {
      org.name = realName;
      await f.control('PUT', '/__nox/policies', { failure_redirects: true });
    }
  });
});
