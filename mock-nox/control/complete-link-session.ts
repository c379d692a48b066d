import { checkUsable, completeLogin, failLink, type LinkResult } from '../domain/link/complete-link.ts';
import { getLinkSession } from '../domain/link/link-sessions.ts';
import { loginBrand } from '../domain/link/login-brand.ts';
import { accountBehaviour } from '../domain/link/manufacturer-accounts.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { errors } from '../errors/error-templates.ts';
import type { LinkSession } from '../store/schema.ts';

export interface CompleteRequest {
  brand?: string;
  username?: string;
  cancel?: boolean;
}

const usernameRequired = {
  loc: ['body', 'username'],
  msg: 'username is required and must be a non-blank string',
  type: 'missing',
};

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
  const brand = loginBrand(session, input.brand);
  if (!input.username?.trim()) throw errors.validation([usernameRequired]);
  if (accountBehaviour(input.username).locked) return failLink(ctx, session, 'access_denied');
  return completeLogin(ctx, session, brand, input.username);
}

/** POST /__nox/link-sessions/{link_token}/complete: the browser flow done, and where it ends. */
export function completeLinkSession(ctx: MockContext, token: string, input: CompleteRequest = {}) {
  const session = getLinkSession(ctx, token);
  const result = completeWithoutBrowser(ctx, session, input);
  return {
    redirect_url: result.url,
    outcome: result.error ? 'failed' : 'connected',
    error: result.error,
    nox_user_id: session.nox_user_id,
    device_ids: session.device_ids,
  };
}
