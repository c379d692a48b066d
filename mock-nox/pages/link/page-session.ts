import { findLinkSession } from '../../domain/link/link-sessions.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import { getOrganisation } from '../../domain/organisations.ts';
import { pageLanguage } from '../../domain/page-language.ts';
import { errors } from '../../errors/error-templates.ts';
import type { MockResponse } from '../../http/router.ts';
import type { Language, LinkSession, Organisation } from '../../store/schema.ts';

/** What every page request works on: the link session its token names, its supplier, the page language. */
export interface PageSession {
  token: string;
  session: LinkSession;
  org: Organisation;
  language: Language;
}

/** The session of a page request (query or form fields), or a 404 page; tells the journal whose it is. */
export function pageSession(
  ctx: MockContext,
  res: MockResponse,
  input: { token?: unknown; language?: unknown },
): PageSession {
  const token = typeof input.token === 'string' ? input.token : '';
  if (!token) throw errors.linkTokenMissing();
  const session = findLinkSession(ctx, token);
  if (!session) throw errors.linkSessionNotFound(token);
  res.locals.organisationId = session.organisation_id;
  const org = getOrganisation(ctx, session.organisation_id);
  return { token, session, org, language: pageLanguage(input.language, session.language) };
}
