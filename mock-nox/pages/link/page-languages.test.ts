import { describe, expect, test } from 'vitest';
import { logIn, textOf } from '../../../test/test-support/browser-steps.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

const cases = [
  {
    language: 'nl',
    heading: 'Kies je merk',
    ask: 'Acme Energy wil verbinding maken met je warmtepomp.',
    logIn: 'Inloggen',
    wrongPassword: 'Het wachtwoord is onjuist. Probeer het opnieuw.',
  },
  {
    language: 'en',
    heading: 'Choose your brand',
    ask: 'Acme Energy wants to connect to your heat pump.',
    logIn: 'Log in',
    wrongPassword: 'The password is not correct. Try again.',
  },
  {
    language: 'fr',
    heading: 'Choisissez votre marque',
    ask: 'Acme Energy souhaite se connecter à votre pompe à chaleur.',
    logIn: 'Se connecter',
    wrongPassword: 'Le mot de passe est incorrect. Réessayez.',
  },
  {
    language: 'es',
    heading: 'Elige tu marca',
    ask: 'Acme Energy quiere conectarse a tu bomba de calor.',
    logIn: 'Iniciar sesión',
    wrongPassword: 'La contraseña no es correcta. Inténtalo de nuevo.',
  },
];

describe('page languages', () => {
  const f = usePageFixture();

  test.each(cases)('renders the brand choice and the login in $language', async (c) => {
    const { page } = await f.openV2Link({ language: c.language, asset_type: 'hp' });
    expect(await page.getAttribute('html', 'lang')).toBe(c.language);
    expect(await textOf(page, 'h1')).toBe(c.heading);
    expect(await textOf(page, 'body')).toContain(c.ask);
    await page.click('a[data-brand=daikin]');
    expect(await page.getAttribute('html', 'lang')).toBe(c.language);
    expect(await textOf(page, 'button[value=login]')).toBe(c.logIn);
    await logIn(page, 'x+wrongpassword');
    expect(await textOf(page, '.error')).toBe(c.wrongPassword);
  });

  test('takes the language of the link URL over the session’s', async () => {
    const link = await f.createV2Session({ language: 'nl' });
    const page = await f.newPage();
    const url = new URL(link.link_url);
    url.searchParams.set('language', 'es');
    await page.goto(url.toString());
    expect(await textOf(page, 'h1')).toBe('Elige tu marca');
  });

  test('falls back to the session language for a language NOX does not have', async () => {
    const link = await f.createV2Session({ language: 'fr' });
    const page = await f.newPage();
    await page.goto(link.link_url.replace('language=fr', 'language=de'));
    expect(await textOf(page, 'h1')).toBe('Choisissez votre marque');
  });

  test('shows a v2 session without a language in Dutch', async () => {
    const { page } = await f.openV2Link({});
    expect(await textOf(page, 'h1')).toBe('Kies je merk');
  });

  test('shows the 404 page in the language of the link', async () => {
    const page = await f.newPage();
    await page.goto(`${f.mock.url}/ui?token=unknown&language=fr`);
    expect(await textOf(page, 'h1')).toBe('Cette page ne peut pas être affichée');
  });
});
