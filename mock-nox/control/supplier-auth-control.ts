import type { components, operations } from '../../openapi/generated/nox-control.ts';
import { brands, findBrand } from '../domain/brands.ts';
import { accountBehaviour } from '../domain/link/manufacturer-accounts.ts';
import { manufacturerOfBrand } from '../domain/manufacturer/manufacturer-brand.ts';
import { findManufacturerLinkSession } from '../domain/manufacturer/manufacturer-link-sessions.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { getOrganisation } from '../domain/organisations.ts';
import { type ChooseSupplierResult, chooseSupplier } from '../domain/supplier-auth/choose-supplier.ts';
import { confirmSupplierLogin } from '../domain/supplier-auth/confirm-supplier-login.ts';
import { returnToNox } from '../domain/supplier-auth/return-to-nox.ts';
import { selectableSupplier } from '../domain/supplier-auth/selectable-suppliers.ts';
import { errors } from '../errors/error-templates.ts';
import { NoxError } from '../errors/nox-error.ts';
import type { JsonBody } from '../http/operation-types.ts';

type Body<K extends keyof operations> = JsonBody<operations[K]>;
type Schemas = components['schemas'];

/** POST /__nox/manufacturer-link-sessions/{link_token}/choose-supplier: the selector's choice, without a browser. */
export function chooseSupplierFor(
  ctx: MockContext,
  token: string,
  body: Body<'chooseSupplier'>,
  publicUrl: string,
): Schemas['SupplierAuthStart'] {
  const origin = { kind: 'manufacturer-link', token } as const;
  const result = chooseSupplier(ctx, origin, body.supplier_organisation_id, publicUrl);
  const link = findManufacturerLinkSession(ctx, token);
  return startOf(result, body.supplier_organisation_id, link?.nox_user_id ?? null, link?.device_ids ?? []);
}

/** POST /__nox/web-app/connections: the user signs in on NOX's web app and chooses the supplier. */
export function startWebAppConnection(
  ctx: MockContext,
  body: Body<'startWebAppConnection'>,
  publicUrl: string,
): Schemas['SupplierAuthStart'] {
  selectableSupplier(ctx, body.supplier_organisation_id);
  const brand = findBrand(body.brand);
  if (!brand)
    throw errors.brandUnknown(
      body.brand,
      brands.map((b) => b.slug),
    );
  // The username table as on the web app's sign-in: a retry and a one-time code pass, a locked account cancels.
  const result: ChooseSupplierResult = accountBehaviour(body.username).locked
    ? { ok: false, error: 'access_denied', redirectUrl: null }
    : chooseSupplier(ctx, webAppOrigin(ctx, body, brand.slug), body.supplier_organisation_id, publicUrl);
  return startOf(result, body.supplier_organisation_id, null, []);
}

/**
 * POST /__nox/supplier-auth-sessions/{state}/complete: the supplier's OAuth page done, without a browser:
 * its backend confirms the user with POST /post-login-redirect (or the user refuses), then NOX's return.
 */
export function completeSupplierAuth(
  ctx: MockContext,
  state: string,
  body: Body<'completeSupplierAuthSession'> = {},
): Schemas['SupplierAuthCompletion'] {
  const session = ctx.store.peek.supplierAuthSession(state);
  if (!session) throw errors.supplierAuthStateUnknown();
  if (body.supplier_user_id !== undefined && body.refuse) throw errors.completeSupplierAuthBoth();
  const status =
    body.supplier_user_id === undefined ? null : confirmStatus(ctx, state, body.supplier_user_id);
  const back = returnToNox(ctx, state, body.refuse ? 'access_denied' : undefined);
  if (back.kind === 'unknown') throw errors.supplierAuthStateUnknown();
  const { outcome } = back;
  return {
    outcome: outcome === 'connected' ? 'connected' : 'failed',
    redirect_url: back.kind === 'redirect' ? back.url : null,
    error: outcome === 'connected' ? null : outcome,
    post_login_redirect_status: status,
    nox_user_id: back.session.nox_user_id,
    supplier_user_id: back.session.supplier_user_id,
    device_ids: back.session.device_ids,
  };
}

/** What the supplier's backend does: POST /post-login-redirect with its key; the answer's status. */
function confirmStatus(ctx: MockContext, state: string, userId: string): number {
  const session = ctx.store.peek.supplierAuthSession(state);
  const supplier = getOrganisation(ctx, session?.supplier_organisation_id ?? '');
  try {
    confirmSupplierLogin(ctx, supplier, { state, user_id: userId });
    return 200;
  } catch (error) {
    if (error instanceof NoxError) return error.status;
    throw error;
  }
}

function webAppOrigin(ctx: MockContext, body: Body<'startWebAppConnection'>, brand: string) {
  return {
    kind: 'web-app',
    manufacturerOrgId: manufacturerOfBrand(ctx, brand)?.id ?? null,
    manufacturerUserId: body.username,
    brand,
    language: body.language ?? 'nl',
  } as const;
}

function startOf(
  result: ChooseSupplierResult,
  supplierId: string,
  noxUserId: string | null,
  deviceIds: string[],
): Schemas['SupplierAuthStart'] {
  if (!result.ok) {
    return {
      outcome: 'failed',
      redirect_url: result.redirectUrl,
      error: result.error,
      state: null,
      supplier_organisation_id: supplierId,
      expires_at: null,
      nox_user_id: noxUserId,
      device_ids: deviceIds,
    };
  }
  const { session } = result;
  return {
    outcome: 'supplier_auth_started',
    redirect_url: result.oauthUrl,
    error: null,
    state: session.state,
    supplier_organisation_id: supplierId,
    expires_at: session.expires_at,
    nox_user_id: session.nox_user_id,
    device_ids: session.device_ids,
  };
}
