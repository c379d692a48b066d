import { createHmac, timingSafeEqual } from 'node:crypto';

/** True when a NOX webhook is authentic and fresh: check it on the raw body, before you parse or act on it. */
export function verifyNoxWebhook(
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
  apiKey: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const timestamp = String(headers['x-webhook-timestamp'] ?? '');
  const signature = String(headers['x-webhook-signature'] ?? '');
  // A stale (or future) timestamp is a replay: refuse it even when the signature is right.
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const hmac = createHmac('sha256', apiKey).update(`${timestamp}.${rawBody}`).digest('hex');
  const expected = Buffer.from(`sha256=${hmac}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
