import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { textOf } from '../../../test/test-support/browser-steps.ts';
import { useFlow2Fixture } from '../../../test/test-support/flow2-fixture.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

const cases = [
  {
    language: 'nl',
    signIn: 'Inloggen bij NOX Energy',
    login: 'Log in met je Daikin-account om de NOX Energy-app te gebruiken.',
    turnOn: 'NOX-optimalisaties aanzetten',
    selector: 'Kies je energieleverancier',
    connected: 'NOX-optimalisaties staan aan',
    failed: 'NOX-optimalisaties zijn niet aangezet',
    settings: 'Comfortinstellingen',
  },
  {
    language: 'en',
    signIn: 'Sign in to NOX Energy',
    login: 'Log in with your Daikin account to use the NOX Energy app.',
    turnOn: 'Turn on NOX optimisations',
    selector: 'Choose your energy supplier',
    connected: 'NOX optimisations are on',
    failed: 'NOX optimisations were not turned on',
    settings: 'Comfort settings',
  },
  {
    language: 'fr',
    signIn: 'Se connecter à NOX Energy',
    login: 'Connectez-vous avec votre compte Daikin pour utiliser l’application NOX Energy.',
    turnOn: 'Activer les optimisations NOX',
    selector: 'Choisissez votre fournisseur d’énergie',
    connected: 'Les optimisations NOX sont actives',
    failed: 'Les optimisations NOX n’ont pas été activées',
    settings: 'Réglages de confort',
  },
  {
    language: 'es',
    signIn: 'Inicia sesión en NOX Energy',
    login: 'Inicia sesión con tu cuenta de Daikin para usar la app de NOX Energy.',
    turnOn: 'Activar las optimizaciones de NOX',
    selector: 'Elige tu proveedor de energía',
    connected: 'Las optimizaciones de NOX están activas',
    failed: 'Las optimizaciones de NOX no se han activado',
    settings: 'Ajustes de confort',
  },
];

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

describe('flow 2 pages in every language', () => {
  const f = usePageFixture();
  const m = useFlow2Fixture(f);
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `/tmp/flow2-${name}.png`, fullPage: true });

  test.each(cases)('renders the web app, the selector and both end pages in $language', async (c) => {
    const page = await f.newPage();
    await page.goto(`${f.mock.url}/ui/app?language=${c.language}`);
    expect(await page.getAttribute('html', 'lang')).toBe(c.language);
    expect(await textOf(page, 'h1')).toBe(c.signIn);
    if (c.language === 'en') await shot(page, 'start-en');
    await page.click('a[data-brand=daikin]');
    expect(await textOf(page, 'p.muted')).toBe(c.login);
    await page.fill('#username', `lang-${c.language}`);
    await page.fill('#password', 'secret');
    await page.click('button[value=login]');
    expect(await textOf(page, '#turn-on')).toBe(c.turnOn);
    if (c.language === 'nl') await shot(page, 'home-nl');
    await page.click('#turn-on');
    expect(await textOf(page, 'h1')).toBe(c.selector);
    if (c.language === 'fr') await shot(page, 'selector-fr');
    await page.click(`button[data-supplier="${m.supplier.id}"]`);
    expect((await m.onSupplierPage(page)).get('language')).toBe(c.language);
    await page.click('#back-early');
    expect(await page.getAttribute('html', 'lang')).toBe(c.language);
    expect(await textOf(page, 'h1')).toBe(c.failed);
    if (c.language === 'es') await shot(page, 'failure-es');
    await page.click('#way-back');
    await m.turnOn(page);
    await m.acceptOnSupplier(page);
    await page.waitForURL((u) => u.pathname === '/ui/supplier-return');
    expect(await textOf(page, 'h1')).toBe(c.connected);
    if (c.language === 'en') await shot(page, 'success-en');
    await page.click('#way-back');
    expect(await textOf(page, 'h1')).toBe(c.settings);
    if (c.language === 'en') await shot(page, 'settings-en');
  });

  test.each(cases)('opens a manufacturer link in $language', async (c) => {
    const link = await m.createManufacturerLink({ language: c.language });
    const page = await f.newPage();
    await page.goto(link.link_url);
    expect(await page.getAttribute('html', 'lang')).toBe(c.language);
    expect(await textOf(page, 'h1')).toBe(c.selector);
  });

  test('prints a supplier name with markup as text on the selector and both end pages', async () => {
    const name = `${image}${script}Evil & Co`;
    const evil = (await f.control('POST', '/__nox/organisations', {
      kind: 'supplier',
      name,
      oauth_login_url: m.oauth.loginUrl,
    })) as { id: string; api_key: string };
    const { page } = await m.signInToWebApp(`"><b>x</b>`);
    const dialogs = watchDialogs(page);
    expect(await textOf(page, 'h1')).toContain('"><b>x</b>');
    expect(await page.$('h1 b')).toBeNull();
    await page.click('#turn-on');
    expect(await textOf(page, `button[data-supplier="${evil.id}"]`)).toBe(name);
    await shot(page, 'selector-escaping');
    await page.click(`button[data-supplier="${evil.id}"]`);
    await m.onSupplierPage(page);
    await page.click('#back-early');
    expect(await textOf(page, '#error-description')).toContain(`${name} did not confirm your login`);
    expect(await page.$('#error-description img, #error-description script')).toBeNull();
    expect(dialogs).toEqual([]);
  });

  test('prints a language, token or state from the URL on the error pages as text', async () => {
    const page = await f.newPage();
    const dialogs = watchDialogs(page);
    await page.goto(
      `${f.mock.url}/ui/supplier-return?state=${encodeURIComponent(script)}&language=${encodeURIComponent(script)}`,
    );
    expect(await page.content()).not.toContain(script);
    await page.goto(`${f.mock.url}/?token=${encodeURIComponent(script)}&connection_type=manufacturer`);
    expect(await textOf(page, '#error-message')).toContain(script);
    expect(dialogs).toEqual([]);
  });
});
