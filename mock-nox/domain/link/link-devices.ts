import type { Device, LinkSession, NoxUser, Organisation } from '../../store/schema.ts';
import type { Brand } from '../brands.ts';
import type { MockContext } from '../mock-context.ts';
import { policiesOf } from '../organisations.ts';

export interface AccountDevices {
  brand: Brand;
  account: string;
  deviceIds: string[];
}

/**
 * Maps the session's supplier user to a NOX user and gives it the account's devices, under the duplicate
 * policies: a relink of the same supplier user replaces (or merges) devices of that asset type and keeps
 * the NOX user id; the same account under another supplier user makes a separate NOX user. A NOX user
 * given as `adopt` (a manufacturer's user, flow 2) becomes the supplier user's when it has none yet.
 */
export function linkDevices(
  ctx: MockContext,
  org: Organisation,
  session: Pick<LinkSession, 'supplier_user_id'>,
  linked: AccountDevices,
  now: number,
  adopt?: NoxUser,
): { noxUserId: string } | { refused: 'duplicate_connection' } {
  const { store } = ctx;
  const data = store.data;
  const policies = policiesOf(ctx, org);
  const existing = store.find.noxUserOf(org.id, session.supplier_user_id);
  const accountElsewhere = store.find
    .devicesOfAccount(org.id, linked.brand.slug, linked.account)
    .some((d) => d.nox_user_id !== existing?.id);
  if (accountElsewhere && policies.same_account_other_user === 'reject')
    return { refused: 'duplicate_connection' };
  if (existing && policies.same_supplier_user === 'reject') return { refused: 'duplicate_connection' };

  const user = existing ??
    adopted(adopt) ?? {
      id: ctx.ids.noxUserId(),
      organisation_id: org.id,
      supplier_user_id: session.supplier_user_id,
      created_at: now,
    };
  if (store.find.noxUser(user.id) !== user) data.nox_users.push(user);
  const replaced = (d: Device) =>
    d.nox_user_id === user.id &&
    (linked.deviceIds.includes(d.device_id) ||
      (policies.same_supplier_user === 'replace' && d.asset_type === linked.brand.assetType));
  store.remove('devices', store.find.devicesOf(user.id).filter(replaced));
  for (const device_id of linked.deviceIds) {
    data.devices.push({
      device_id,
      nox_user_id: user.id,
      organisation_id: org.id,
      brand: linked.brand.slug,
      asset_type: linked.brand.assetType,
      account: linked.account,
      connected_at: now,
    });
  }
  return { noxUserId: user.id };

  /** The manufacturer's NOX user, now the supplier's, with the devices it had. */
  function adopted(user: NoxUser | undefined): NoxUser | undefined {
    if (!user) return undefined;
    Object.assign(user, { organisation_id: org.id, supplier_user_id: session.supplier_user_id });
    store.keysChanged('nox_users', [user]);
    const devices = store.find.devicesOf(user.id);
    for (const d of devices) d.organisation_id = org.id;
    store.keysChanged('devices', devices);
    return user;
  }
}
