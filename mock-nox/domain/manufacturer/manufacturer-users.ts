import type { ManufacturerUser, Organisation } from '../../store/schema.ts';
import type { Brand } from '../brands.ts';
import { accountBehaviour, deviceIdsOf } from '../link/manufacturer-accounts.ts';
import type { MockContext } from '../mock-context.ts';
import { manufacturerBrand } from './manufacturer-brand.ts';

/**
 * The manufacturer's user and its NOX user, created now or resolved (idempotent). A manufacturer user is
 * a manufacturer account: its devices follow the fake-login username rules applied to its user id, unless
 * `deviceIds` are given (deprecated endpoints), which then replace the devices it had.
 */
export function resolveManufacturerUser(
  ctx: MockContext,
  org: Organisation,
  manufacturerUserId: string,
  deviceIds?: string[],
): ManufacturerUser {
  return resolveManufacturerUserOfBrand(ctx, org, manufacturerUserId, manufacturerBrand(org), deviceIds);
}

/** As resolveManufacturerUser, for an account of a given brand of the manufacturer (the web app's sign-in). */
export function resolveManufacturerUserOfBrand(
  ctx: MockContext,
  org: Organisation,
  manufacturerUserId: string,
  brand: Brand,
  deviceIds?: string[],
): ManufacturerUser {
  const data = ctx.store.data;
  const now = ctx.clock.now(org.id);
  const found = findManufacturerUser(ctx, org.id, manufacturerUserId);
  if (found && deviceIds === undefined) return found;
  const ids = deviceIds ?? deviceIdsOf(brand.slug, accountBehaviour(manufacturerUserId));
  const user = found ?? createUser(ctx, org, manufacturerUserId, brand, now);
  Object.assign(user, { device_ids: [...new Set(ids)], updated_at: now });
  // While the manufacturer still owns the NOX user its device rows are the manufacturer's to replace.
  const owned = ctx.store.find.noxUser(user.nox_user_id)?.organisation_id === org.id;
  if (owned) {
    ctx.store.remove('devices', ctx.store.find.devicesOf(user.nox_user_id));
    for (const device_id of user.device_ids) {
      data.devices.push({
        device_id,
        nox_user_id: user.nox_user_id,
        organisation_id: org.id,
        brand: user.brand,
        asset_type: brand.assetType,
        account: accountBehaviour(manufacturerUserId).account,
        connected_at: now,
      });
    }
  }
  return user;
}

export function findManufacturerUser(
  ctx: MockContext,
  organisationId: string,
  manufacturerUserId: string,
): ManufacturerUser | undefined {
  return ctx.store.find.manufacturerUser(organisationId, manufacturerUserId);
}

function createUser(
  ctx: MockContext,
  org: Organisation,
  manufacturerUserId: string,
  brand: Brand,
  now: number,
): ManufacturerUser {
  const noxUserId = ctx.ids.noxUserId();
  ctx.store.data.nox_users.push({
    id: noxUserId,
    organisation_id: org.id,
    supplier_user_id: manufacturerUserId,
    created_at: now,
  });
  const user: ManufacturerUser = {
    organisation_id: org.id,
    manufacturer_user_id: manufacturerUserId,
    nox_user_id: noxUserId,
    brand: brand.slug,
    device_ids: [],
    created_at: now,
    updated_at: now,
  };
  ctx.store.data.manufacturer_users.push(user);
  return user;
}
