import type { MockContext } from '../../domain/mock-context.ts';
import { findNoxUser } from '../../domain/organisations.ts';
import { errors } from '../../errors/error-templates.ts';
import type { AssetType, Device, NoxUser, Organisation } from '../../store/schema.ts';

const kindName = { hp: 'heat pump', pv: 'PV device' } as const;
const byDeviceThenUser = (a: Device, b: Device) =>
  a.device_id.localeCompare(b.device_id) || a.nox_user_id.localeCompare(b.nox_user_id);

/** A query's narrowing to one NOX user or one device id, looked up by index rather than filtered. */
export interface DeviceFilter {
  userId?: string;
  deviceId?: string;
}

/**
 * The devices an organisation may read: a supplier's own users' devices, a manufacturer's devices of its
 * brands (under every supplier). Sorted by device id, then user, so pages are stable. Read through the
 * store's indexes without handing anything out: the cost follows the rows asked for, not the store.
 */
export function visibleDevices(
  ctx: MockContext,
  org: Organisation,
  assetType?: AssetType,
  only: DeviceFilter = {},
): Device[] {
  const { peek } = ctx.store;
  const candidates =
    only.userId !== undefined
      ? peek.devicesOf(only.userId)
      : only.deviceId !== undefined
        ? peek.devicesWithId(only.deviceId)
        : org.kind === 'supplier'
          ? peek.devicesOfOrganisation(org.id)
          : org.brands.flatMap((brand) => peek.devicesOfBrand(brand));
  return candidates
    .filter(
      (d) =>
        (org.kind === 'supplier' ? d.organisation_id === org.id : org.brands.includes(d.brand)) &&
        (assetType === undefined || d.asset_type === assetType) &&
        (only.deviceId === undefined || d.device_id === only.deviceId),
    )
    .sort(byDeviceThenUser);
}

/** A NOX user the organisation sees (its own user, or a user with one of the manufacturer's devices), or 404. */
export function findVisibleUser(ctx: MockContext, org: Organisation, userId: string): NoxUser {
  const user = findNoxUser(ctx, userId);
  const visible =
    user &&
    (org.kind === 'supplier'
      ? user.organisation_id === org.id
      : visibleDevices(ctx, org, undefined, { userId: user.id }).length > 0);
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
  const [device] = visibleDevices(ctx, org, assetType, { deviceId });
  if (!device) throw errors.deviceNotFound(deviceId, org.name, kindName[assetType]);
  return device;
}
