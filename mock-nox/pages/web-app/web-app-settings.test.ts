import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { textOf } from '../../../test/test-support/browser-steps.ts';
import { useFlow2Fixture } from '../../../test/test-support/flow2-fixture.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

describe('the NOX web app’s settings page', () => {
  const f = usePageFixture();
  const m = useFlow2Fixture(f);

  const signIn = (tags?: string) => m.signInToWebApp(tags);
  const _turnOn = (page: Page) => m.turnOn(page);
  const connect = () => m.connectFromWebApp();
  const supplierGet = (path: string) => m.supplierGet(path);

  test('shows the shared settings and writes them as the user: the supplier’s GET sees them', async () => {
    const { page } = await connect();
    await page.click('#way-back');
    expect(await page.inputValue('#preferred_temperature')).toBe('21');
    expect(await page.inputValue('#dhw_upper')).toBe('55');
    await page.fill('#preferred_temperature', '22.5');
    await page.fill('#room_lower', '2');
    await page.fill('#dhw_lower', '38');
    await page.check('#dynamic_tariff');
    await page.click('button[type=submit]');
    expect(await textOf(page, '#saved')).toBe('Your settings are saved.');
    expect(await textOf(page, '#legionella')).toContain('legionella');
    expect(await page.inputValue('#preferred_temperature')).toBe('22.5');
    const noxUserId = String(m.oauth.answers.at(-1)?.body.nox_user_id);
    const seen = await supplierGet(`/v1/devices/settings?user_id=${noxUserId}`);
    expect(seen.data[0]).toMatchObject({
      room: { preferred_temperature: 22.5, temperature_lower_bound: 2 },
      dhw: { temperature_lower_bound: 38, temperature_upper_bound: 55 },
      optimization_settings: { dynamic_tariff: true, flex_trading: false },
    });
  });

  test('shows the supplier’s change at once', async () => {
    const { page } = await connect();
    const noxUserId = String(m.oauth.answers.at(-1)?.body.nox_user_id);
    const res = await fetch(`${f.mock.url}/v1/devices/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-api-key': m.supplier.api_key },
      body: JSON.stringify({ user_id: noxUserId, room: { preferred_temperature: 19 } }),
    });
    expect(res.status).toBe(204);
    await page.click('#way-back');
    expect(await page.inputValue('#preferred_temperature')).toBe('19');
  });

  test('answers bad input with the page again, naming each problem, and changes nothing', async () => {
    const { page } = await connect();
    await page.click('#way-back');
    // What a client without the browser's number check could send.
    await page.$eval('#preferred_temperature', (e) => e.setAttribute('type', 'text'));
    await page.fill('#preferred_temperature', 'warm');
    await page.fill('#room_upper', '11');
    await page.check('#flex_trading');
    await page.check('#pv_self_consumption');
    const [response] = await Promise.all([
      page.waitForResponse(/\/ui\/app\/settings$/),
      page.click('button[type=submit]'),
    ]);
    expect(response.status()).toBe(400);
    const problems = await textOf(page, '#problems');
    expect(problems).toContain('Preferred temperature (°C): enter a number from 5 to 30.');
    expect(problems).toContain('It may go up by at most (°C): enter a number from 0 to 10.');
    expect(problems).toContain('Flexibility trading cannot be combined with the other optimisations.');
    expect(await page.inputValue('#room_upper')).toBe('11');
    expect(await page.isChecked('#flex_trading')).toBe(true);
    const noxUserId = String(m.oauth.answers.at(-1)?.body.nox_user_id);
    const seen = await supplierGet(`/v1/devices/settings?user_id=${noxUserId}`);
    expect(seen.data[0]?.room.preferred_temperature).toBe(21);
  });

  test('refuses hot-water bounds the wrong way round', async () => {
    const { page } = await connect();
    await page.click('#way-back');
    await page.fill('#dhw_lower', '60');
    await page.fill('#dhw_upper', '50');
    await page.click('button[type=submit]');
    expect(await textOf(page, '#problems')).toBe(
      'The lowest hot-water temperature must not be above the highest.',
    );
  });

  test('asks an account without a connection to turn on NOX optimisations first', async () => {
    const { page } = await signIn();
    const url = new URL(page.url());
    url.pathname = '/ui/app/settings';
    await page.goto(url.toString());
    expect(await textOf(page, '#not-linked')).toContain('Turn on NOX optimisations first');
    expect(await page.$('form')).toBeNull();
  });
});
