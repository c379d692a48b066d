import { describe, expect, test } from 'vitest';
import {
  callbackQuery,
  decodeCallbackData,
  logIn,
  pressCancel,
  textOf,
} from '../../../test/test-support/browser-steps.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

describe('the fake manufacturer login', () => {
  const f = usePageFixture();
  const openLogin = (brand = 'daikin', language = 'en') =>
    f.openV2Link({ asset_type: 'hp', brand, language });

  test('shows the test-account table on the page', async () => {
    const { page } = await openLogin();
    const box = await textOf(page, '.accounts');
    expect(box).toContain('Test accounts');
    expect(box).toContain('alice+otp');
    expect(box).toContain('123456');
  });

  test('sends a plain user to the callback with data for one device', async () => {
    const { page, link } = await openLogin();
    await logIn(page, 'x');
    const data = decodeCallbackData((await callbackQuery(page, f.callbackUrl)).get('data'));
    expect(Object.keys(data).sort()).toEqual([
      'brand',
      'connected_at',
      'device_ids',
      'nox_user_id',
      'supplier_user_id',
    ]);
    expect(data).toMatchObject({ supplier_user_id: link.supplier_user_id, brand: 'daikin' });
    expect(data.device_ids).toHaveLength(1);
    expect(data.nox_user_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.connected_at).toBe(Date.UTC(2026, 0, 1) / 1000);
  });

  test('gives a +devices3 account three device ids', async () => {
    const { page } = await openLogin();
    await logIn(page, 'x+devices3');
    const data = decodeCallbackData((await callbackQuery(page, f.callbackUrl)).get('data'));
    expect(new Set(data.device_ids).size).toBe(3);
  });

  test('fails a +nodevices account with error=no_devices', async () => {
    const { page } = await openLogin();
    await logIn(page, 'x+nodevices');
    const query = await callbackQuery(page, f.callbackUrl);
    expect(query.get('error')).toBe('no_devices');
    expect(query.get('error_description')).toContain('no devices');
  });

  test('rejects the first password of a +wrongpassword account and accepts the second', async () => {
    const { page } = await openLogin();
    await logIn(page, 'x+wrongpassword');
    expect(await textOf(page, '.error')).toBe('The password is not correct. Try again.');
    expect(await page.inputValue('#username')).toBe('x+wrongpassword');
    await logIn(page, 'x+wrongpassword');
    expect((await callbackQuery(page, f.callbackUrl)).get('data')).not.toBeNull();
  });

  test('asks a +otp account for a code, rejects a wrong one and accepts 123456', async () => {
    const { page } = await openLogin();
    await logIn(page, 'x+otp');
    expect(await textOf(page, 'h1')).toBe('Enter your one-time code');
    await page.fill('#code', '000000');
    await page.click('button[value=verify]');
    expect(await textOf(page, '.error')).toBe('The code is not correct. Try again.');
    await page.fill('#code', '123456');
    await page.click('button[value=verify]');
    expect(
      decodeCallbackData((await callbackQuery(page, f.callbackUrl)).get('data')).device_ids,
    ).toHaveLength(1);
  });

  test('tells a +locked account it is locked, and cancel then gives access_denied', async () => {
    const { page } = await openLogin();
    await logIn(page, 'x+locked');
    expect(await textOf(page, '.error')).toBe('This account is locked. You can only cancel.');
    await pressCancel(page);
    expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('access_denied');
  });

  test('sends a cancelled login to the callback with error=access_denied', async () => {
    const { page } = await openLogin();
    await pressCancel(page);
    const query = await callbackQuery(page, f.callbackUrl);
    expect(query.get('error')).toBe('access_denied');
    expect(query.get('data')).toBeNull();
  });

  test('cancels at the one-time-code step with access_denied', async () => {
    const { page } = await openLogin();
    await logIn(page, 'x+otp');
    await pressCancel(page);
    expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('access_denied');
  });

  test('fails with brand_unavailable while the brand is in outage, after showing the login', async () => {
    await f.control('PUT', '/__nox/faults', { organisation_id: 'supplier_123', brand_outages: ['toshiba'] });
    try {
      const { page } = await openLogin('toshiba');
      await logIn(page, 'x');
      expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('brand_unavailable');
    } finally {
      await f.control('PUT', '/__nox/faults', { organisation_id: 'supplier_123', brand_outages: [] });
    }
  });

  test('shows NOX’s own failure page in the session language when failure redirects are off', async () => {
    await f.control('PUT', '/__nox/policies', { failure_redirects: false });
    try {
      const { page } = await openLogin('daikin', 'nl');
      await pressCancel(page);
      expect(new URL(page.url()).origin).toBe(f.mock.url);
      expect(await textOf(page, 'h1')).toBe('De verbinding is niet gelukt');
      expect(await textOf(page, '#error-code')).toBe('access_denied');
    } finally {
      await f.control('PUT', '/__nox/policies', { failure_redirects: true });
    }
  });
});
