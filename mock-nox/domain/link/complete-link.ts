import type { LinkSession } from '../../store/schema.ts';
import type { Brand } from '../brands.ts';
import type { MockContext } from '../mock-context.ts';
import { getOrganisation, policiesOf } from '../organisations.ts';
import { linkDevices } from './link-devices.ts';
import { sessionProblem } from './link-sessions.ts';
import { accountBehaviour, deviceIdsOf } from './manufacturer-accounts.ts';
import { type FailureCode, problemRedirectUrl, resultRedirectUrl } from './result-redirect.ts';

/** How a link session ended for the browser: where it is sent, or the NOX page it sees (url null). */
export interface LinkResult {
  url: string | null;
  session: LinkSession;
  /** The failure shown, when the session failed or could not be used. */
  error: FailureCode | null;
}

/**
 * The user logged in at the manufacturer: connects the account's devices, unless the session expired in
 * the meantime (NOX then fails even though the login succeeded), was used already, or a rule refuses it.
 */
export function completeLogin(
  ctx: MockContext,
  session: LinkSession,
  brand: Brand,
  username: string,
): LinkResult {
  const org = getOrganisation(ctx, session.organisation_id);
  const unusable = checkUsable(ctx, session);
  if (unusable) return unusable;
  if (org.brand_outages.includes(brand.slug)) return failLink(ctx, session, 'brand_unavailable');
  const behaviour = accountBehaviour(username);
  const deviceIds = deviceIdsOf(brand.slug, behaviour);
  if (deviceIds.length === 0) return failLink(ctx, session, 'no_devices');
  const now = ctx.clock.now(org.id);
  const linked = linkDevices(ctx, org, session, { brand, account: behaviour.account, deviceIds }, now);
  if ('refused' in linked) return failLink(ctx, session, linked.refused);
  Object.assign(session, {
    status: 'connected',
    brand: brand.slug,
    completed_at: now,
    nox_user_id: linked.noxUserId,
    device_ids: deviceIds,
    login: null,
  });
  return finished(ctx, session);
}

/** Ends a pending session with a failure code (cancel, no devices, outage, refused by a policy). */
export function failLink(ctx: MockContext, session: LinkSession, code: FailureCode): LinkResult {
  const unusable = checkUsable(ctx, session);
  if (unusable) return unusable;
  Object.assign(session, {
    status: 'failed',
    error: code,
    completed_at: ctx.clock.now(session.organisation_id),
    login: null,
  });
  return finished(ctx, session);
}

/** The result for a session that cannot be used any more (expired or consumed), or null while it can. */
export function checkUsable(ctx: MockContext, session: LinkSession): LinkResult | null {
  const problem = sessionProblem(ctx, session);
  if (!problem) return null;
  if (problem === 'session_expired' && session.status === 'pending') {
    Object.assign(session, { status: 'failed', error: problem, login: null });
  }
  const { failure_redirects } = policiesOf(ctx, getOrganisation(ctx, session.organisation_id));
  return { url: problemRedirectUrl(session, problem, failure_redirects), session, error: problem };
}

function finished(ctx: MockContext, session: LinkSession): LinkResult {
  const { failure_redirects } = policiesOf(ctx, getOrganisation(ctx, session.organisation_id));
  const error = session.status === 'failed' ? (session.error as FailureCode) : null;
  return { url: resultRedirectUrl(session, failure_redirects), session, error };
}
