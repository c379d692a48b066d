import type { MockContext } from '../../domain/mock-context.ts';
import { findNoxUser } from '../../domain/organisations.ts';
import { errors } from '../../errors/error-templates.ts';
import type { AssetType, Device, NoxUser, Organisation } from '../../store/schema.ts';

const kindName = { hp: 'heat pump', pv: 'PV device' } as const;
const byDeviceThenUser = (a: Device, b: Device) =>
  a.device_id.localeCompare(b.device_id) || a.nox_user_id.localeCompare(b.nox_user_id);

/**
 * The devices an organisation may read: a supplier's own users' devices, a manufacturer's devices of its
 * brands (under every supplier). Sorted by device id, then user, so pages are stable.
 */
export function visibleDevices(ctx: MockContext, org: Organisation, assetType?: AssetType): Device[] {
  return ctx.store
    .rows('devices')
    .filter((d) => (org.kind === 'supplier' ? d.organisation_id === org.id : org.brands.includes(d.brand)))
    .filter((d) => assetType === undefined || d.asset_type === assetType)
    .sort(byDeviceThenUser);
}

/** A NOX user the organisation sees (its own user, or a user with one of the manufacturer's devices), or 404. */
export function findVisibleUser(ctx: MockContext, org: Organisation, userId: string): NoxUser {
  const user = findNoxUser(ctx, userId);
  const visible =
    user &&
    (org.kind === 'supplier'
      ? user.organisation_id === org.id
      : visibleDevices(ctx, org).some((d) => d.nox_user_id === user.id));
  if (!user || !visible) throw errors.userNotFound(userId, org.name);
  return user;
}

/** A device of the given asset type the organisation sees, or 404 naming what was looked for. */
export function findVisibleDevice(
  ctx: MockContext,
  org: Organisation,
  deviceId: string,
  assetType: AssetType,
): Device {
  const device = visibleDevices(ctx, org, assetType).find((d) => d.device_id === deviceId);
  if (!device) throw errors.deviceNotFound(deviceId, org.name, kindName[assetType]);
  return device;
}
