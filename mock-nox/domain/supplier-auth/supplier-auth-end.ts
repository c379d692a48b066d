import type { components } from '../../../openapi/generated/nox-auth.ts';
import type { SupplierAuthSession } from '../../store/schema.ts';
import { type FailureCode, failureDescription } from '../link/failure-descriptions.ts';
import { findManufacturerLinkSession } from '../manufacturer/manufacturer-link-sessions.ts';
import type { MockContext } from '../mock-context.ts';
import { getOrganisation, policiesOf } from '../organisations.ts';
import { pageLanguage } from '../page-language.ts';

/** The JSON of the `data` parameter with which a manufacturer link session's redirect_url is called. */
export type ManufacturerCallbackData = components['schemas']['ManufacturerLinkCallbackData'];

/**
 * Ends a supplier-auth session (connected, or failed with a code) on the supplier's clock, and the
 * manufacturer link session it came from on the manufacturer's clock.
 */
export function endSupplierAuth(
  ctx: MockContext,
  session: SupplierAuthSession,
  error: FailureCode | null,
): void {
  Object.assign(session, {
    status: error ? 'failed' : 'connected',
    error,
    ended_at: ctx.clock.now(session.supplier_organisation_id),
  });
  const link = session.manufacturer_link_token
    ? findManufacturerLinkSession(ctx, session.manufacturer_link_token)
    : undefined;
  if (!link) return;
  Object.assign(link, {
    status: error ? 'failed' : 'connected',
    error,
    completed_at: ctx.clock.now(link.organisation_id),
    nox_user_id: session.nox_user_id,
    device_ids: session.device_ids,
  });
}

/**
 * Where the browser goes when a manufacturer link session failed: its redirect_url with error= and
 * error_description= in the session's language (an existing query kept), or null when the manufacturer's failure_redirects are off.
 */
export function manufacturerFailureUrl(
  ctx: MockContext,
  link: { organisation_id: string; redirect_url: string; language: string },
  code: FailureCode,
): string | null {
  if (!policiesOf(ctx, getOrganisation(ctx, link.organisation_id)).failure_redirects) return null;
  const url = new URL(link.redirect_url);
  url.searchParams.set('error', code);
  url.searchParams.set(
    'error_description',
    failureDescription(code, pageLanguage(link.language, 'nl'), 'manufacturer'),
  );
  return url.toString();
}

/** The manufacturer's redirect_url with `data` = base64url JSON, no padding (an existing query kept). */
export function manufacturerSuccessUrl(redirectUrl: string, data: ManufacturerCallbackData): string {
  const url = new URL(redirectUrl);
  url.searchParams.set('data', Buffer.from(JSON.stringify(data)).toString('base64url'));
  return url.toString();
}
