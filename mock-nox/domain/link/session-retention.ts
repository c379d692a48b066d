import type { MockContext } from '../mock-context.ts';

/** Ended or expired link sessions are kept this long (virtual time) before they are pruned: a day. */
export const DEFAULT_SESSION_RETENTION_SECONDS = 24 * 3600;

/**
 * Once the clock has passed a pending session's expiry, it is recorded as expired: setting the clock back
 * later does not make the link usable again (NOX's sessions do not come back either).
 */
export function recordExpiries(ctx: MockContext): void {
  for (const session of ctx.store.data.link_sessions) {
    if (session.status === 'pending' && ctx.clock.now(session.organisation_id) >= session.expires_at) {
      Object.assign(session, { status: 'failed', error: 'session_expired', login: null });
    }
  }
}

/** Creations since the last pruning pass, per store. */
const sincePass = new WeakMap<object, number>();

/**
 * Drops the link sessions that ended (or expired) more than the retention ago on their organisation's
 * clock, so a long-running mock does not grow without bound; a test reading a recent one still finds it.
 * A pass reads every session, so it runs once per sixteenth of the list's length in creations (every
 * time while the list is short): its cost per created session stays constant however many are stored.
 */
export function pruneOldSessions(ctx: MockContext): void {
  const sessions = ctx.store.rows('link_sessions');
  const since = (sincePass.get(ctx.store) ?? 0) + 1;
  if (since * 16 < sessions.length) {
    sincePass.set(ctx.store, since);
    return;
  }
  sincePass.set(ctx.store, 0);
  const retention = ctx.sessionRetentionSeconds ?? DEFAULT_SESSION_RETENTION_SECONDS;
  const nows = new Map<string, number>();
  const nowOf = (id: string) => nows.get(id) ?? nows.set(id, ctx.clock.now(id)).get(id) ?? 0;
  const kept = sessions.filter((s) => {
    const ended = s.status === 'pending' ? s.expires_at : Math.max(s.completed_at ?? 0, s.expires_at);
    return nowOf(s.organisation_id) < ended + retention;
  });
  if (kept.length < sessions.length) ctx.store.data.link_sessions = kept;
}
