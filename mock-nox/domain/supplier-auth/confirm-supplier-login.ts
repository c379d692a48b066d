import type { components } from '../../../openapi/generated/nox-auth.ts';
import { errors } from '../../errors/error-templates.ts';
import type { Organisation, SupplierAuthSession } from '../../store/schema.ts';
import { findBrand } from '../brands.ts';
import { linkDevices } from '../link/link-devices.ts';
import { accountBehaviour } from '../link/manufacturer-accounts.ts';
import { findManufacturerUser } from '../manufacturer/manufacturer-users.ts';
import type { MockContext } from '../mock-context.ts';
import { endSupplierAuth } from './supplier-auth-end.ts';

export type PostLoginRedirectRequest = components['schemas']['PostLoginRedirectRequest'];
export type PostLoginRedirectResponse = components['schemas']['PostLoginRedirectResponse'];

/**
 * POST /post-login-redirect: the supplier names its user for a state. 200 maps NOX user ↔ supplier user
 * under the duplicate policies (repeat-safe: the same body until expiry); 404 unknown or another
 * supplier's state; 409 confirmed for another user id, ended unconfirmed, or duplicate_connection; 410 expired.
 */
export function confirmSupplierLogin(
  ctx: MockContext,
  supplierOrg: Organisation,
  body: PostLoginRedirectRequest,
): PostLoginRedirectResponse {
  const found = ctx.store.find.supplierAuthSession(body.state);
  const session = found?.supplier_organisation_id === supplierOrg.id ? found : undefined;
  if (!session) throw errors.supplierAuthStateUnknown();
  const now = ctx.clock.now(supplierOrg.id);
  if (session.status === 'failed' && session.error !== 'session_expired')
    throw errors.supplierAuthEnded(session.error ?? 'failed');
  if (session.status === 'failed' || now >= session.expires_at) {
    if (session.status === 'pending') endSupplierAuth(ctx, session, 'session_expired');
    throw errors.supplierAuthExpired(session.expires_at);
  }
  if (session.supplier_user_id !== null) {
    if (session.supplier_user_id !== body.user_id)
      throw errors.supplierAuthStateOtherUser(session.supplier_user_id);
    return responseOf(session);
  }
  const brand = findBrand(session.brand);
  if (!brand) throw new Error(`supplier-auth session ${session.state} has an unknown brand ${session.brand}`);
  const candidate = session.nox_user_id === null ? undefined : ctx.store.find.noxUser(session.nox_user_id);
  const own = candidate?.organisation_id === session.manufacturer_organisation_id ? candidate : undefined;
  const account = accountBehaviour(session.manufacturer_user_id ?? '').account;
  const linked = linkDevices(
    ctx,
    supplierOrg,
    { supplier_user_id: body.user_id },
    { brand, account, deviceIds: session.device_ids },
    now,
    own,
  );
  if ('refused' in linked) {
    Object.assign(session, { status: 'failed', error: linked.refused });
    throw errors.supplierAuthDuplicate(body.user_id);
  }
  if (own && own.id !== linked.noxUserId) foldInto(ctx, own.id, linked.noxUserId);
  const manufacturerUser =
    session.manufacturer_organisation_id && session.manufacturer_user_id
      ? findManufacturerUser(ctx, session.manufacturer_organisation_id, session.manufacturer_user_id)
      : undefined;
  if (manufacturerUser) {
    Object.assign(manufacturerUser, { nox_user_id: linked.noxUserId, updated_at: now });
    ctx.store.keysChanged('manufacturer_users', [manufacturerUser]);
  }
  Object.assign(session, {
    status: 'confirmed',
    supplier_user_id: body.user_id,
    nox_user_id: linked.noxUserId,
    confirmed_at: now,
  });
  return responseOf(session);
}

function responseOf(session: SupplierAuthSession): PostLoginRedirectResponse {
  const redirect = new URL(session.redirect_uri);
  redirect.searchParams.set('state', session.state);
  return {
    redirect_url: redirect.toString(),
    nox_user_id: session.nox_user_id ?? '',
    supplier_user_id: session.supplier_user_id ?? '',
    brand: session.brand,
    device_ids: session.device_ids,
    connected_at: session.confirmed_at ?? 0,
  };
}

/**
 * The supplier user already had a NOX user, which keeps its id (relink): the manufacturer's own NOX user
 * of this account is merged into it and disappears, with its device rows and settings.
 */
function foldInto(ctx: MockContext, from: string, into: string): void {
  const { store } = ctx;
  store.remove(
    'nox_users',
    [store.peek.noxUser(from)].filter((u) => u !== undefined),
  );
  store.remove('devices', store.peek.devicesOf(from));
  store.remove('settings', store.peek.everySettingsOf(from));
  // Read without handing out; only the sessions that change are taken (by state) to be written.
  for (const s of store.rows('supplier_auth_sessions')) {
    const session = s.nox_user_id === from ? store.find.supplierAuthSession(s.state) : undefined;
    if (session) session.nox_user_id = into;
  }
}
