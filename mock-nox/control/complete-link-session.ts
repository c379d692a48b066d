import { v2Brand } from '../auth/brand-choice.ts';
import type { MockContext } from '../context.ts';
import { findBrand, findV1Brand } from '../domain/brands.ts';
import { checkUsable, completeLogin, failLink, type LinkResult } from '../domain/complete-link.ts';
import { accountBehaviour } from '../domain/manufacturer-accounts.ts';
import { errors } from '../errors/error-templates.ts';
import type { LinkSession } from '../store/db.ts';

export interface CompleteRequest {
  brand?: string;
  username?: string;
  cancel?: boolean;
}

/**
 * The whole browser flow in one call: the user picks the brand (or the pre-selected one) and logs in
 * with the username, finishing any wrong-password retry or one-time code; a locked account or
 * `cancel` ends as the user cancelling.
 */
export function completeWithoutBrowser(
  ctx: MockContext,
  session: LinkSession,
  input: CompleteRequest,
): LinkResult {
  const unusable = checkUsable(ctx, session);
  if (unusable) return unusable;
  if (input.cancel) return failLink(ctx, session, 'access_denied');
  const brand = findBrand(chosenBrand(session, input.brand));
  if (!brand) throw errors.brandRequired();
  if (!input.username)
    throw errors.validation([
      { loc: ['body', 'username'], msg: 'username is required and must be a string', type: 'missing' },
    ]);
  if (accountBehaviour(input.username).locked) return failLink(ctx, session, 'access_denied');
  return completeLogin(ctx, session, brand, input.username);
}

function chosenBrand(session: LinkSession, requested: string | undefined): string {
  const slug = requested === undefined ? undefined : (findV1Brand(requested)?.slug ?? requested);
  if (slug === undefined) {
    if (session.brand) return session.brand;
    throw errors.brandRequired();
  }
  const checked = v2Brand(slug, session.asset_type);
  if (session.brand && session.brand !== checked) throw errors.brandNotPreselected(checked, session.brand);
  return checked;
}
