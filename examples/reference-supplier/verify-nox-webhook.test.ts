import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { verifyNoxWebhook } from './verify-nox-webhook.ts';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const source = readFileSync(join(import.meta.dirname, 'verify-nox-webhook.ts'), 'utf8');

/** The lines of a piece of code that are code (the file has a comment line the README does not). */
const codeLines = (text: string) =>
  text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('// '));

describe('the app’s webhook verifier', () => {
  test('is the README’s recipe, line for line', () => {
    const recipe = /```ts\n(import \{ createHmac, timingSafeEqual \}[\s\S]*?)```/.exec(readme)?.[1];
    expect(recipe).toBeDefined();
    expect(codeLines(source)).toEqual(codeLines(recipe ?? ''));
  });

  test('accepts NOX’s signature over `<timestamp>.<raw body>` and refuses a changed body or an old timestamp', () => {
    const body = '{"type":"user.settings.room.preferred_temperature.updated"}';
    const sign = (ts: number, text: string) =>
      `sha256=${createHmac('sha256', 'key').update(`${ts}.${text}`).digest('hex')}`;
    const headers = (ts: number, text = body) => ({
      'x-webhook-timestamp': String(ts),
      'x-webhook-signature': sign(ts, text),
    });
    expect(verifyNoxWebhook(body, headers(1000), 'key', 1000)).toBe(true);
    expect(verifyNoxWebhook(`${body} `, headers(1000), 'key', 1000)).toBe(false);
    expect(verifyNoxWebhook(body, headers(1000), 'other-key', 1000)).toBe(false);
    expect(verifyNoxWebhook(body, headers(1000), 'key', 1301)).toBe(false);
    expect(verifyNoxWebhook(body, { 'x-webhook-timestamp': '1000' }, 'key', 1000)).toBe(false);
  });
});
