import type { MockContext } from '../mock-context.ts';

/** Ended or expired link sessions are kept this long (virtual time) before they are pruned: a day. */
export const DEFAULT_SESSION_RETENTION_SECONDS = 24 * 3600;

/**
 * Once the clock has passed a pending session's expiry, it is recorded as expired: setting the clock back
 * later does not make the link usable again (NOX's sessions do not come back either). The sessions are
 * read untracked and only the expiring ones are taken to change, so a clock change writes those alone.
 */
export function recordExpiries(ctx: MockContext): void {
  const nowOf = clockReader(ctx);
  for (const pending of ctx.store.rows('link_sessions')) {
    if (pending.status !== 'pending' || nowOf(pending.organisation_id) < pending.expires_at) continue;
    const session = ctx.store.find.linkSession(pending.token);
    if (session) Object.assign(session, { status: 'failed', error: 'session_expired', login: null });
  }
}

/** The organisations' clocks read once each (a pass over every session asks for few of them). */
function clockReader(ctx: MockContext): (organisationId: string) => number {
  const nows = new Map<string, number>();
  return (id) => nows.get(id) ?? nows.set(id, ctx.clock.now(id)).get(id) ?? 0;
}

/** Creations since the last pruning pass, per store. */
const sincePass = new WeakMap<object, number>();

/**
 * Drops the link sessions that ended (or expired) more than the retention ago on their organisation's
 * clock, so a long-running mock does not grow without bound; a test reading a recent one still finds it.
 * A pass reads every session, so it runs once per half of the list's length in creations (every
 * time while the list is short): its cost per created session stays constant however many are stored.
 */
export function pruneOldSessions(ctx: MockContext): void {
  const sessions = ctx.store.rows('link_sessions');
  const since = (sincePass.get(ctx.store) ?? 0) + 1;
  if (since * 2 < sessions.length) {
    sincePass.set(ctx.store, since);
    return;
  }
  sincePass.set(ctx.store, 0);
  const retention = ctx.sessionRetentionSeconds ?? DEFAULT_SESSION_RETENTION_SECONDS;
  const nowOf = clockReader(ctx);
  const kept = sessions.filter((s) => {
    const ended = s.status === 'pending' ? s.expires_at : Math.max(s.completed_at ?? 0, s.expires_at);
    return nowOf(s.organisation_id) < ended + retention;
  });
  if (kept.length < sessions.length) ctx.store.data.link_sessions = kept;
}
