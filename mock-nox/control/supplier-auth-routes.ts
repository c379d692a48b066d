import { type Request, Router } from 'express';
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
import { publicUrlOf } from '../http/public-url.ts';

type Body<K extends keyof operations> = JsonBody<operations[K]>;
type Schemas = components['schemas'];

/** Flow 2 without a browser: choose a supplier, the web-app start, finish a supplier-auth session. */
export function createSupplierAuthControlRoutes(ctx: MockContext): Router {
  const router = Router();

  router.post('/manufacturer-link-sessions/:token/choose-supplier', async (req, res) => {
    const body: Body<'chooseSupplier'> = req.body;
    const origin = { kind: 'manufacturer-link', token: req.params.token } as const;
    const result = chooseSupplier(ctx, origin, body.supplier_organisation_id, publicUrlOf(req));
    await ctx.store.commit();
    const link = findManufacturerLinkSession(ctx, req.params.token);
    res.json(
      startOf(result, body.supplier_organisation_id, link?.nox_user_id ?? null, link?.device_ids ?? []),
    );
  });

  router.post('/web-app/connections', async (req, res) => {
    const body: Body<'startWebAppConnection'> = req.body;
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
      : chooseSupplier(
          ctx,
          webAppOrigin(ctx, body, brand.slug),
          body.supplier_organisation_id,
          publicUrlOf(req),
        );
    await ctx.store.commit();
    res.json(startOf(result, body.supplier_organisation_id, null, []));
  });

  router.post('/supplier-auth-sessions/:state/complete', async (req, res) => {
    const state = req.params.state;
    const body: Body<'completeSupplierAuthSession'> = req.body ?? {};
    const session = ctx.store.peek.supplierAuthSession(state);
    if (!session) throw errors.supplierAuthStateUnknown();
    if (body.supplier_user_id !== undefined && body.refuse) throw errors.completeSupplierAuthBoth();
    const status =
      body.supplier_user_id === undefined ? null : confirmStatus(ctx, req, body.supplier_user_id);
    const back = returnToNox(ctx, state, body.refuse ? 'access_denied' : undefined);
    await ctx.store.commit();
    if (back.kind === 'unknown') throw errors.supplierAuthStateUnknown();
    const { outcome } = back;
    const completion: Schemas['SupplierAuthCompletion'] = {
      outcome: outcome === 'connected' ? 'connected' : 'failed',
      redirect_url: back.kind === 'redirect' ? back.url : null,
      error: outcome === 'connected' ? null : outcome,
      post_login_redirect_status: status,
      nox_user_id: back.session.nox_user_id,
      supplier_user_id: back.session.supplier_user_id,
      device_ids: back.session.device_ids,
    };
    res.json(completion);
  });

  /** What the supplier's backend does: POST /post-login-redirect with its key; the answer's status. */
  function confirmStatus(ctx: MockContext, req: Request, userId: string): number {
    const session = ctx.store.peek.supplierAuthSession(String(req.params.state));
    const supplier = getOrganisation(ctx, session?.supplier_organisation_id ?? '');
    try {
      confirmSupplierLogin(ctx, supplier, { state: String(req.params.state), user_id: userId });
      return 200;
    } catch (error) {
      if (error instanceof NoxError) return error.status;
      throw error;
    }
  }

  return router;
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
