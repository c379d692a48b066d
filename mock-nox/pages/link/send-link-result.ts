import type { LinkResult } from '../../domain/link/complete-link.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import { getOrganisation } from '../../domain/organisations.ts';
import type { MockResponse } from '../../http/router.ts';
import type { Language } from '../../store/schema.ts';
import { sendPage } from '../kit/send-page.ts';
import { renderResultPage } from './result-page.ts';

/**
 * Makes the session's end durable, then sends the browser back to the supplier, or shows NOX's own
 * result page when there is nowhere to send it (failure redirects turned off).
 */
export async function sendLinkResult(
  ctx: MockContext,
  res: MockResponse,
  result: LinkResult,
  language: Language,
  redirectStatus: 302 | 303,
): Promise<void> {
  await ctx.store.commit();
  if (result.url) return res.redirect(redirectStatus, result.url);
  const { session, error } = result;
  const supplier = getOrganisation(ctx, session.organisation_id).name;
  sendPage(res, renderResultPage({ language, supplier, assetType: session.asset_type, error }));
}
