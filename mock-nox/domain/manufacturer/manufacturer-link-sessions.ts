import { errors } from '../../errors/error-templates.ts';
import type { Language, ManufacturerLinkSession, Organisation } from '../../store/schema.ts';
import type { MockContext } from '../mock-context.ts';
import { isRedirectAllowed, policiesOf } from '../organisations.ts';
import { resolveManufacturerUser } from './manufacturer-users.ts';

export interface NewManufacturerLinkSession {
  api_version: 'v1' | 'v2';
  manufacturer_user_id: string;
  redirect_url: string;
  language: Language;
  /** Deprecated /manufacturers/suppliers only: the user's devices, instead of the username rules. */
  device_ids?: string[];
}

/**
 * An open manufacturer link session, living lifetime_v2_seconds (600 s) on the manufacturer's clock until
 * a supplier is chosen. The deprecated endpoint creates or updates the NOX user now (it answers its id).
 */
export function createManufacturerLinkSession(
  ctx: MockContext,
  org: Organisation,
  input: NewManufacturerLinkSession,
): ManufacturerLinkSession {
  if (!isRedirectAllowed(org, input.redirect_url)) {
    throw errors.redirectNotAllowed('redirect_url', input.redirect_url, org.name, org.redirect_urls);
  }
  const user =
    input.api_version === 'v1'
      ? resolveManufacturerUser(ctx, org, input.manufacturer_user_id, input.device_ids)
      : null;
  const now = ctx.clock.now(org.id);
  const session: ManufacturerLinkSession = {
    token: ctx.ids.linkToken(),
    organisation_id: org.id,
    api_version: input.api_version,
    manufacturer_user_id: input.manufacturer_user_id,
    nox_user_id: user?.nox_user_id ?? null,
    redirect_url: input.redirect_url,
    language: input.language,
    device_ids: user?.device_ids ?? [],
    status: 'open',
    supplier_auth_state: null,
    error: null,
    created_at: now,
    expires_at: now + policiesOf(ctx, org).lifetime_v2_seconds,
    completed_at: null,
  };
  ctx.store.data.manufacturer_link_sessions.push(session);
  return session;
}

export function findManufacturerLinkSession(
  ctx: MockContext,
  token: string,
): ManufacturerLinkSession | undefined {
  return ctx.store.find.manufacturerLinkSession(token);
}

/** Why the session can no longer be used in the selector (judged on the manufacturer's clock), or null. */
export function manufacturerSessionProblem(
  ctx: MockContext,
  session: ManufacturerLinkSession,
): 'session_expired' | 'session_consumed' | null {
  if (session.status === 'failed' && session.error === 'session_expired') return 'session_expired';
  if (session.status !== 'open') return 'session_consumed';
  if (ctx.clock.now(session.organisation_id) >= session.expires_at) return 'session_expired';
  return null;
}

/** v2: `<origin>/ui?token&language`; deprecated: `<origin>/?token&connection_type=manufacturer`. */
export function manufacturerLinkUrl(publicUrl: string, session: ManufacturerLinkSession): string {
  const url = new URL(session.api_version === 'v1' ? '/' : '/ui', publicUrl);
  url.searchParams.set('token', session.token);
  if (session.api_version === 'v2') url.searchParams.set('language', session.language);
  else url.searchParams.set('connection_type', 'manufacturer');
  return url.toString();
}
