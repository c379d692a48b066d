import type { components } from '../../../openapi/generated/nox-auth.ts';
import type { LinkSession } from '../../store/schema.ts';
import { type FailureCode, failureDescription } from './failure-descriptions.ts';

export type { FailureCode };

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
  url.searchParams.set('error_description', failureDescription(code, session.language, 'supplier'));
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
