import type { Device, NoxUser, Organisation } from '../../store/schema.ts';
import type { MockContext } from '../mock-context.ts';

/** An organisation that shares a NOX user's settings, and its own id of that user. */
export interface UserParty {
  organisation: Organisation;
  /** A supplier's supplier_user_id, a manufacturer's manufacturer_user_id: the event's external_user_id. */
  externalUserId: string;
}

/**
 * Who shares a NOX user's settings: the supplier linked to it (flow 1 or 2) and its manufacturers: a
 * manufacturer user of the manufacturer-app flow, and (modelled, flow 1) every manufacturer making the
 * brand of one of its devices, which knows the user by the manufacturer account it logged in with.
 */
export function partiesOf(ctx: MockContext, user: NoxUser): UserParty[] {
  const orgs = ctx.store.rows('organisations');
  const parties: UserParty[] = [];
  const add = (organisation: Organisation | undefined, externalUserId: string) => {
    if (organisation && !parties.some((p) => p.organisation.id === organisation.id))
      parties.push({ organisation, externalUserId });
  };
  const owner = ctx.store.peek.organisation(user.organisation_id);
  if (owner?.kind === 'supplier') add(owner, user.supplier_user_id);
  for (const m of ctx.store.peek.manufacturerUsersOf(user.id))
    add(ctx.store.peek.organisation(m.organisation_id), m.manufacturer_user_id);
  if (owner?.kind === 'manufacturer') add(owner, user.supplier_user_id);
  const devices = devicesOf(ctx, user.id);
  for (const maker of orgs.filter((o) => o.kind === 'manufacturer')) {
    const made = devices.find((d) => maker.brands.includes(d.brand));
    if (made) add(maker, made.account);
  }
  return parties;
}

/** The user's devices, heat pumps first, each group by device id, so "its first device" is stable. */
export function devicesOf(ctx: MockContext, userId: string): Device[] {
  return ctx.store.peek
    .devicesOf(userId)
    .sort(
      (a, b) =>
        Number(a.asset_type !== 'hp') - Number(b.asset_type !== 'hp') ||
        a.device_id.localeCompare(b.device_id),
    );
}
