import type { SupplierAuthSession } from '../../store/schema.ts';
import type { FailureCode } from '../link/result-redirect.ts';
import { findManufacturerLinkSession } from '../manufacturer/manufacturer-link-sessions.ts';
import type { MockContext } from '../mock-context.ts';
import { getOrganisation } from '../organisations.ts';
import { endSupplierAuth, manufacturerFailureUrl, manufacturerSuccessUrl } from './supplier-auth-end.ts';

/** What NOX's return page does: 404 page, a redirect to the manufacturer, or NOX's own result page. */
export type SupplierReturn =
  | { kind: 'unknown' }
  | {
      kind: 'redirect';
      url: string;
      session: SupplierAuthSession;
      /** What the redirect reports (a second return reports session_consumed, whatever the session was). */
      outcome: 'connected' | FailureCode;
    }
  | { kind: 'page'; outcome: 'connected' | FailureCode; session: SupplierAuthSession };

/**
 * GET /ui/supplier-return?state=…[&error=…]: the browser is back from the supplier. An error (the user
 * refused or cancelled) is access_denied; past expiry session_expired, even if the supplier confirmed;
 * without the supplier's confirmation supplier_not_confirmed; else connected. The state is single use:
 * coming back again shows session_consumed (or session_expired, when that is how it ended).
 */
export function returnToNox(ctx: MockContext, state: string, error?: string): SupplierReturn {
  const session = ctx.store.find.supplierAuthSession(state);
  if (!session) return { kind: 'unknown' };
  if (session.ended_at !== null) {
    const expired = session.status === 'failed' && session.error === 'session_expired';
    return outcomeOf(ctx, session, expired ? 'session_expired' : 'session_consumed');
  }
  const code = returnFailure(ctx, session, error);
  endSupplierAuth(ctx, session, code);
  return outcomeOf(ctx, session, code ?? 'connected');
}

function returnFailure(
  ctx: MockContext,
  session: SupplierAuthSession,
  error: string | undefined,
): FailureCode | null {
  const expired =
    (session.status === 'failed' && session.error === 'session_expired') ||
    ctx.clock.now(session.supplier_organisation_id) >= session.expires_at;
  if (expired) return 'session_expired';
  if (error !== undefined) return 'access_denied';
  if (session.status === 'failed') return (session.error ?? 'access_denied') as FailureCode;
  if (session.status === 'pending') return 'supplier_not_confirmed';
  return null;
}

function outcomeOf(
  ctx: MockContext,
  session: SupplierAuthSession,
  outcome: 'connected' | FailureCode,
): SupplierReturn {
  const link = session.manufacturer_link_token
    ? findManufacturerLinkSession(ctx, session.manufacturer_link_token)
    : undefined;
  if (!link) return { kind: 'page', outcome, session };
  if (outcome !== 'connected') {
    const url = manufacturerFailureUrl(ctx, link, outcome);
    return url ? { kind: 'redirect', url, session, outcome } : { kind: 'page', outcome, session };
  }
  const url = manufacturerSuccessUrl(link.redirect_url, {
    nox_user_id: session.nox_user_id ?? '',
    manufacturer_user_id: link.manufacturer_user_id,
    supplier: getOrganisation(ctx, session.supplier_organisation_id).name,
    device_ids: session.device_ids,
    connected_at: session.confirmed_at ?? 0,
  });
  return { kind: 'redirect', url, session, outcome };
}
