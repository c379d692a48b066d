import type { LinkSessionSeen } from '../../harness/index.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The link_url NOX answered (v2 at the top level, v1 inside its `data` envelope). */
export function linkUrlOf(session: LinkSessionSeen): string | undefined {
  const v1 = session.response.data as Record<string, unknown> | undefined;
  return text(session.response.link_url) ?? text(v1?.link_url);
}

/** The callback URL the supplier asked NOX to return to (v2 `redirect_url`, v1 `redirect_uri`). */
export function callbackUrlOf(session: LinkSessionSeen): string | undefined {
  return text(session.request.redirect_url) ?? text(session.request.redirect_uri);
}
