import type { components } from '../../../openapi/generated/nox-auth.ts';
import type { LinkSession } from '../../store/schema.ts';

/** The failure codes of the result redirect, with the text sent as `error_description`. */
export const failureDescriptions = {
  session_expired: 'The link session expired before the user finished. Create a new link session.',
  session_consumed: 'This link session was already used. Create a new link session for every attempt.',
  access_denied: 'The user cancelled the login at the manufacturer.',
  no_devices: 'The manufacturer account has no devices that can be connected.',
  brand_unavailable: 'The manufacturer cannot be reached right now. Try again later.',
  duplicate_connection:
    'This connection already exists for another user or is refused by the relinking policy.',
  supplier_not_confirmed:
    'The user came back from the energy supplier before the supplier confirmed the login (POST /post-login-redirect).',
} as const;

export type FailureCode = keyof typeof failureDescriptions;

/** The JSON of a successful v2 redirect's `data` parameter (the auth spec's LinkCallbackData). */
export type CallbackData = components['schemas']['LinkCallbackData'];

export function encodeCallbackData(data: CallbackData): string {
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}

/** Reads the `data` parameter of a callback URL back into JSON (what a supplier's callback does). */
export function decodeCallbackData(callbackUrl: string): CallbackData {
  const data = new URL(callbackUrl).searchParams.get('data');
  if (data === null) throw new Error(`The callback URL has no data parameter: ${callbackUrl}`);
  return JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
}

/** Where the browser goes once the session ended, or null when NOX only shows its own failure page. */
export function resultRedirectUrl(session: LinkSession, failureRedirects: boolean): string | null {
  const url = new URL(session.redirect_url);
  if (session.status === 'connected' && session.nox_user_id && session.brand) {
    if (session.api_version === 'v1') {
      url.searchParams.set('user_id', session.nox_user_id);
      for (const id of session.device_ids) url.searchParams.append('device_id', id);
    } else {
      const data = {
        nox_user_id: session.nox_user_id,
        supplier_user_id: session.supplier_user_id,
        brand: session.brand,
        device_ids: session.device_ids,
        connected_at: session.completed_at ?? 0,
      };
      url.searchParams.set('data', encodeCallbackData(data));
    }
    return url.toString();
  }
  if (!failureRedirects) return null;
  const code = (session.error ?? 'access_denied') as FailureCode;
  url.searchParams.set('error', code);
  url.searchParams.set('error_description', failureDescriptions[code]);
  return url.toString();
}

/** The redirect for a problem found when the link is opened again (expired or already used). */
export function problemRedirectUrl(
  session: LinkSession,
  code: FailureCode,
  failureRedirects: boolean,
): string | null {
  return resultRedirectUrl({ ...session, status: 'failed', error: code }, failureRedirects);
}
