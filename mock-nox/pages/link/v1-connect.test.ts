import { describe, expect, test } from 'vitest';
import { callbackQuery, logIn, textOf } from '../../../test/test-support/browser-steps.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

describe('the deprecated v1 link (/connect)', () => {
  const f = usePageFixture();

  test('completes a v1 link from /connect with user_id and device_id on the callback', async () => {
    const linkUrl = await f.createV1Session('v1_user', { brand: 'saunier duval' });
    expect(new URL(linkUrl).pathname).toBe('/connect');
    const page = await f.newPage();
    await page.goto(linkUrl);
    expect(await textOf(page, 'h1')).toBe('Log in to Saunier Duval');
    await logIn(page, 'x+devices2');
    const query = await callbackQuery(page, f.callbackUrl);
    expect(query.get('user_id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(query.getAll('device_id')).toHaveLength(2);
    expect(query.get('data')).toBeNull();
  });

  test('shows the brand choice for a v1 link without a brand', async () => {
    const page = await f.newPage();
    await page.goto(await f.createV1Session('v1_user_2', { language: 'fr' }));
    expect(await textOf(page, 'h1')).toBe('Choisissez votre marque');
    await page.click('a[data-brand=nibe]');
    await logIn(page, 'x');
    expect((await callbackQuery(page, f.callbackUrl)).get('device_id')).not.toBeNull();
  });
});
