import { manufacturerOfBrand } from '../domain/manufacturer/manufacturer-brand.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { chooseSupplier } from '../domain/supplier-auth/choose-supplier.ts';
import { confirmSupplierLogin } from '../domain/supplier-auth/confirm-supplier-login.ts';
import { errors } from '../errors/error-templates.ts';
import type { Organisation } from '../store/schema.ts';

/** What the pact's POST /post-login-redirect meets: 200 when pending, 409 and 410 for the others. */
export const supplierAuthSessionStatuses = ['pending', 'confirmed for another user', 'expired'] as const;
export type SupplierAuthSessionStatus = (typeof supplierAuthSessionStatuses)[number];

/** Where NOX's selector sends the user when the supplier has no login page of its own in the pact. */
const OAUTH_LOGIN_URL = 'http://127.0.0.1/oauth/login';

/**
 * A user signs in on NOX's web app with a Daikin account of its own and chooses the supplier, as on
 * the web app's pages: a supplier-auth session of the supplier whose state is answered. `session` then
 * brings it where the recorded call met it: still pending, confirmed by the supplier for another of
 * its users, or past its lifetime on the supplier's clock.
 */
export function startSupplierAuth(
  ctx: MockContext,
  supplier: Organisation,
  session: SupplierAuthSessionStatus,
): string {
  if (!supplierAuthSessionStatuses.includes(session))
    throw errors.providerStateParamInvalid('session', String(session), supplierAuthSessionStatuses);
  supplier.oauth_login_url ??= OAUTH_LOGIN_URL;
  const username = `pact-${ctx.ids.linkToken().slice(0, 12)}`;
  const origin = {
    kind: 'web-app',
    manufacturerOrgId: manufacturerOfBrand(ctx, 'daikin')?.id ?? null,
    manufacturerUserId: username,
    brand: 'daikin',
    language: 'en',
  } as const;
  // The state change has no page of its own: NOX's return page is named on loopback, as the pact's
  // answer matches redirect_url by type only.
  const chosen = chooseSupplier(ctx, origin, supplier.id, 'http://127.0.0.1');
  if (!chosen.ok) throw errors.providerStateLinkFailed(`supplier-auth session ${session}`, chosen.error);
  const { state, expires_at } = chosen.session;
  if (session === 'confirmed for another user')
    confirmSupplierLogin(ctx, supplier, { state, user_id: `${username}-other` });
  if (session === 'expired') ctx.clock.advance(expires_at - ctx.clock.now(supplier.id), supplier.id);
  return state;
}
