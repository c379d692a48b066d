import { errors } from '../../errors/error-templates.ts';
import type { Language, Organisation, SupplierAuthSession } from '../../store/schema.ts';
import { type Brand, brands, findBrand } from '../brands.ts';
import { accountBehaviour, deviceIdsOf } from '../link/manufacturer-accounts.ts';
import type { FailureCode } from '../link/result-redirect.ts';
import {
  findManufacturerLinkSession,
  manufacturerSessionProblem,
} from '../manufacturer/manufacturer-link-sessions.ts';
import {
  resolveManufacturerUser,
  resolveManufacturerUserOfBrand,
} from '../manufacturer/manufacturer-users.ts';
import type { MockContext } from '../mock-context.ts';
import { getOrganisation, policiesOf } from '../organisations.ts';
import { selectableSupplier } from './selectable-suppliers.ts';
import { manufacturerFailureUrl } from './supplier-auth-end.ts';

/** Where the user chose the supplier: a manufacturer link session's selector, or NOX's web app. */
export type SupplierAuthOrigin =
  | { kind: 'manufacturer-link'; token: string }
  | {
      kind: 'web-app';
      /** The manufacturer making the brand (see manufacturerOfBrand), or null when no organisation does. */
      manufacturerOrgId: string | null;
      manufacturerUserId: string;
      brand: string;
      language: Language;
    };

export type ChooseSupplierResult =
  | { ok: true; session: SupplierAuthSession; oauthUrl: string }
  | { ok: false; error: FailureCode; redirectUrl: string | null };

/** The user and devices the supplier-auth session is about, or why the flow fails before the supplier. */
type Start =
  | Pick<
      SupplierAuthSession,
      | 'origin'
      | 'manufacturer_link_token'
      | 'manufacturer_organisation_id'
      | 'manufacturer_user_id'
      | 'nox_user_id'
      | 'brand'
      | 'device_ids'
      | 'language'
    >
  | { error: FailureCode; redirectUrl: string | null };

/**
 * The user picks a supplier: ends the manufacturer link session and starts a supplier-auth session
 * (state single use, bound to the supplier, lifetime_supplier_oauth_seconds on the supplier's clock).
 * `publicUrl` is the origin NOX's return page `<origin>/ui/supplier-return` is served on.
 * An unknown supplier or session throws (404), a supplier without oauth_login_url too (400).
 */
export function chooseSupplier(
  ctx: MockContext,
  origin: SupplierAuthOrigin,
  supplierId: string,
  publicUrl: string,
): ChooseSupplierResult {
  const supplier = selectableSupplier(ctx, supplierId);
  const start =
    origin.kind === 'manufacturer-link'
      ? fromLink(ctx, origin.token, supplier)
      : fromWebApp(ctx, origin, supplier);
  if ('error' in start) return { ok: false, error: start.error, redirectUrl: start.redirectUrl };
  const now = ctx.clock.now(supplier.id);
  const session: SupplierAuthSession = {
    state: ctx.ids.linkToken(),
    supplier_organisation_id: supplier.id,
    ...start,
    redirect_uri: new URL('/ui/supplier-return', publicUrl).toString(),
    status: 'pending',
    supplier_user_id: null,
    error: null,
    created_at: now,
    expires_at: now + policiesOf(ctx, supplier).lifetime_supplier_oauth_seconds,
    confirmed_at: null,
    ended_at: null,
  };
  ctx.store.data.supplier_auth_sessions.push(session);
  const link =
    start.manufacturer_link_token && findManufacturerLinkSession(ctx, start.manufacturer_link_token);
  if (link) Object.assign(link, { status: 'supplier_chosen', supplier_auth_state: session.state });
  const oauthUrl = new URL(supplier.oauth_login_url);
  oauthUrl.searchParams.set('state', session.state);
  oauthUrl.searchParams.set('redirect_uri', session.redirect_uri);
  oauthUrl.searchParams.set('language', session.language);
  return { ok: true, session, oauthUrl: oauthUrl.toString() };
}

function fromLink(ctx: MockContext, token: string, supplier: Organisation): Start {
  const link = findManufacturerLinkSession(ctx, token);
  if (!link) throw errors.manufacturerLinkSessionNotFound(token);
  const fail = (error: FailureCode, end = true): Start => {
    if (end)
      Object.assign(link, { status: 'failed', error, completed_at: ctx.clock.now(link.organisation_id) });
    return { error, redirectUrl: manufacturerFailureUrl(ctx, link, error) };
  };
  const problem = manufacturerSessionProblem(ctx, link);
  if (problem === 'session_expired' && link.status === 'open') {
    Object.assign(link, { status: 'failed', error: problem });
    return fail(problem, false);
  }
  if (problem) return fail(problem, false);
  const manufacturer = getOrganisation(ctx, link.organisation_id);
  const user = resolveManufacturerUser(ctx, manufacturer, link.manufacturer_user_id);
  if (isInOutage(user.brand, supplier, manufacturer)) return fail('brand_unavailable');
  if (user.device_ids.length === 0) return fail('no_devices');
  Object.assign(link, { nox_user_id: user.nox_user_id, device_ids: user.device_ids });
  return {
    origin: 'manufacturer_link_session',
    manufacturer_link_token: link.token,
    manufacturer_organisation_id: manufacturer.id,
    manufacturer_user_id: link.manufacturer_user_id,
    nox_user_id: user.nox_user_id,
    brand: user.brand,
    device_ids: user.device_ids,
    language: link.language,
  };
}

function fromWebApp(
  ctx: MockContext,
  origin: Extract<SupplierAuthOrigin, { kind: 'web-app' }>,
  supplier: Organisation,
): Start {
  const brand: Brand | undefined = findBrand(origin.brand);
  if (!brand)
    throw errors.brandUnknown(
      origin.brand,
      brands.map((b) => b.slug),
    );
  const manufacturer =
    origin.manufacturerOrgId === null ? null : getOrganisation(ctx, origin.manufacturerOrgId);
  const fail = (error: FailureCode): Start => ({ error, redirectUrl: null });
  if (isInOutage(brand.slug, supplier, manufacturer)) return fail('brand_unavailable');
  if (accountBehaviour(origin.manufacturerUserId).deviceCount === 0) return fail('no_devices');
  const user = manufacturer
    ? resolveManufacturerUserOfBrand(ctx, manufacturer, origin.manufacturerUserId, brand)
    : null;
  return {
    origin: 'web_app',
    manufacturer_link_token: null,
    manufacturer_organisation_id: manufacturer?.id ?? null,
    manufacturer_user_id: origin.manufacturerUserId,
    nox_user_id: user?.nox_user_id ?? null,
    brand: brand.slug,
    device_ids: user?.device_ids ?? deviceIdsOf(brand.slug, accountBehaviour(origin.manufacturerUserId)),
    language: origin.language,
  };
}

/** A brand is in outage when the chosen supplier's or the manufacturer's faults say so. */
function isInOutage(brand: string, supplier: Organisation, manufacturer: Organisation | null): boolean {
  return supplier.brand_outages.includes(brand) || (manufacturer?.brand_outages.includes(brand) ?? false);
}
