import { describe, expect, test } from 'vitest';
import { textOf } from '../../../test/test-support/browser-steps.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

const brandsOnPage = (page: import('playwright-core').Page) =>
  page.locator('.brands a').evaluateAll((links) => links.map((a) => a.getAttribute('data-brand')));

describe('the brand choice page', () => {
  const f = usePageFixture();

  test('lists the heat-pump brands for asset_type hp, with the supplier asking', async () => {
    const { page } = await f.openV2Link({ asset_type: 'hp', language: 'en' });
    const brands = await brandsOnPage(page);
    expect(brands).toContain('daikin');
    expect(brands).toContain('saunier-duval');
    expect(brands).not.toContain('sma');
    await expect(textOf(page, 'body')).resolves.toContain('Acme Energy wants to connect to your heat pump.');
  });

  test('lists the solar brands for asset_type pv', async () => {
    const { page } = await f.openV2Link({ asset_type: 'pv', language: 'en' });
    const brands = await brandsOnPage(page);
    expect(brands).toContain('sma');
    expect(brands).toContain('victron');
    expect(brands).not.toContain('daikin');
    await expect(textOf(page, 'body')).resolves.toContain('solar installation');
  });

  test('treats a session without asset_type as hp', async () => {
    const { page } = await f.openV2Link({ language: 'en' });
    expect(await brandsOnPage(page)).toContain('nibe');
  });

  test('leads to the chosen brand’s login page', async () => {
    const { page, link } = await f.openV2Link({ asset_type: 'hp', language: 'en' });
    await page.click('a[data-brand=vaillant]');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/ui/login/vaillant');
    expect(url.searchParams.get('token')).toBe(link.link_token);
    expect(await textOf(page, 'h1')).toBe('Log in to Vaillant');
    expect(await textOf(page, 'header')).toContain('Vaillant');
  });

  test('filters the brands with the search box', async () => {
    const { page } = await f.openV2Link({ asset_type: 'pv', language: 'en' });
    await page.fill('#brand-search', 'sol');
    const visible = await page.locator('.brands li:visible a').allInnerTexts();
    expect(visible).toContain('SolarEdge');
    expect(visible).not.toContain('Fronius');
  });

  test('is skipped when the session pre-selects a brand', async () => {
    const { page } = await f.openV2Link({ asset_type: 'pv', brand: 'fronius', language: 'en' });
    expect(new URL(page.url()).pathname).toBe('/ui/login/fronius');
    expect(await textOf(page, 'h1')).toBe('Log in to Fronius');
  });

  test('refuses the login of a brand other than the pre-selected one with a 400 page', async () => {
    const { page, link } = await f.openV2Link({ asset_type: 'hp', brand: 'daikin' });
    const response = await page.goto(`${f.mock.url}/ui/login/nibe?token=${link.link_token}`);
    expect(response?.status()).toBe(400);
    expect(await textOf(page, '#error-message')).toContain('created with brand "daikin"');
  });

  test('refuses the login of a brand that does not fit the asset type with a 400 page', async () => {
    const { page, link } = await f.openV2Link({ asset_type: 'hp' });
    const response = await page.goto(`${f.mock.url}/ui/login/sma?token=${link.link_token}`);
    expect(response?.status()).toBe(400);
    expect(await textOf(page, '#error-message')).toContain('asset_type "hp"');
  });

  test('shows a NOX-styled 404 page for an unknown token', async () => {
    const page = await f.newPage();
    const response = await page.goto(`${f.mock.url}/ui?token=no-such-token&language=en`);
    expect(response?.status()).toBe(404);
    expect(await textOf(page, 'h1')).toBe('This page cannot be shown');
    expect(await textOf(page, '#error-message')).toContain('no-such-token');
    expect(await textOf(page, 'header')).toContain('NOX');
  });
});
