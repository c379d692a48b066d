import { describe, expect, test } from 'vitest';
import { callbackQuery, logIn } from '../../../test/test-support/browser-steps.ts';
import { usePageFixture } from '../../../test/test-support/page-fixture.ts';

describe('expired and used links', () => {
  const f = usePageFixture();

  test('sends a link opened after 600 s to the callback with error=session_expired', async () => {
    const link = await f.createV2Session({ language: 'en' });
    f.mock.time.advance(601);
    const page = await f.newPage();
    await page.goto(link.link_url);
    const query = await callbackQuery(page, f.callbackUrl);
    expect(query.get('error')).toBe('session_expired');
    expect(query.get('error_description')).toContain('expired');
  });

  test('still works 599 s after creation', async () => {
    const link = await f.createV2Session({ language: 'en', brand: 'bosch' });
    f.mock.time.advance(599);
    const page = await f.newPage();
    await page.goto(link.link_url);
    await logIn(page, 'x');
    expect((await callbackQuery(page, f.callbackUrl)).get('data')).not.toBeNull();
  });

  test('fails a login finished after expiry with session_expired, though the login succeeded', async () => {
    const { page } = await f.openV2Link({ language: 'en', brand: 'bosch' });
    f.mock.time.advance(601);
    await logIn(page, 'x');
    expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('session_expired');
  });

  test('fails a one-time code entered after expiry with session_expired', async () => {
    const { page } = await f.openV2Link({ language: 'en', brand: 'bosch' });
    await logIn(page, 'x+otp');
    f.mock.time.advance(601);
    await page.fill('#code', '123456');
    await page.click('button[value=verify]');
    expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('session_expired');
  });

  test('sends a link opened again after success to the callback with error=session_consumed', async () => {
    const { page, link } = await f.openV2Link({ language: 'en', brand: 'bosch' });
    await logIn(page, 'x');
    expect((await callbackQuery(page, f.callbackUrl)).get('data')).not.toBeNull();
    await page.goto(link.link_url);
    expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('session_consumed');
  });

  test('answers a login submitted in a second tab after success with session_consumed', async () => {
    const { page, link } = await f.openV2Link({ language: 'en', brand: 'bosch' });
    const secondTab = await page.context().newPage();
    await secondTab.goto(link.link_url);
    await logIn(page, 'x');
    expect((await callbackQuery(page, f.callbackUrl)).get('data')).not.toBeNull();
    await logIn(secondTab, 'x');
    expect((await callbackQuery(secondTab, f.callbackUrl)).get('error')).toBe('session_consumed');
  });

  test('gives a v1 link 900 s instead of 600 s', async () => {
    const linkUrl = await f.createV1Session('v1_expiry', { brand: 'daikin' });
    f.mock.time.advance(700);
    const page = await f.newPage();
    await page.goto(linkUrl);
    await logIn(page, 'x');
    expect((await callbackQuery(page, f.callbackUrl)).get('user_id')).not.toBeNull();
    const late = await f.createV1Session('v1_expiry_late', { brand: 'daikin' });
    f.mock.time.advance(901);
    await page.goto(late);
    expect((await callbackQuery(page, f.callbackUrl)).get('error')).toBe('session_expired');
  });
});
