import type { CallbackPayload } from '../../harness/index.ts';

/**
 * A callback URL as NOX would build it: `redirect_url` with `data` = base64url JSON without padding. Nothing
 * in it is signed, which is why a supplier must check it against its own state before trusting it.
 */
export function forgeCallback(redirectUrl: string, payload: CallbackPayload): string {
  const url = new URL(redirectUrl);
  url.searchParams.set('data', Buffer.from(JSON.stringify(payload)).toString('base64url'));
  return url.toString();
}
