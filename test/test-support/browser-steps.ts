import type { Page } from 'playwright-core';
import type { CallbackData } from '../../mock-nox/domain/link/result-redirect.ts';

/** Fills the fake manufacturer login and presses "Log in" (works in every page language). */
export async function logIn(page: Page, username: string, password = 'secret'): Promise<void> {
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[value=login]');
}

export async function pressCancel(page: Page): Promise<void> {
  await page.click('button[value=cancel]');
}

/** The query the browser arrives with at the supplier callback; fails when it does not get there. */
export async function callbackQuery(page: Page, callbackUrl: string): Promise<URLSearchParams> {
  const onCallback = (url: URL) => `${url.origin}${url.pathname}` === callbackUrl;
  await page.waitForURL(onCallback, { timeout: 5000 }).catch(() => {
    throw new Error(`The browser is on ${page.url()}, not on the supplier callback ${callbackUrl}`);
  });
  return new URL(page.url()).searchParams;
}

/** The v2 success payload: base64url JSON without padding. */
export function decodeCallbackData(data: string | null): CallbackData {
  if (data === null) throw new Error('The callback has no data parameter');
  expectNoPadding(data);
  return JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
}

function expectNoPadding(data: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(data)) throw new Error(`data is not unpadded base64url: ${data}`);
}

/** The text of the first element matching the selector, whitespace collapsed. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
}
