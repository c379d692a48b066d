import type { MockContext } from '../domain/mock-context.ts';
import { getOrganisation } from '../domain/organisations.ts';
import { effectiveSettings } from '../domain/settings/settings-rules.ts';
import type { Db } from '../store/schema.ts';
import { createSeedDb } from '../store/seed.ts';
import type { Collection } from '../store/tracked-data.ts';

/** Everything back to a fresh mock (the demo organisations only), or one organisation's data cleared. */
export function reset(ctx: MockContext, organisationId?: string): { reset: string } {
  const data = ctx.store.data;
  if (organisationId === undefined) {
    Object.assign(data, createSeedDb());
    ctx.journal.clear();
    return { reset: 'all' };
  }
  const org = getOrganisation(ctx, organisationId);
  const { store } = ctx;
  // The organisation's rows are removed, not the lists replaced by filtered copies: a filter through
  // `data` hands out every row, so the next commit would write the whole database to the log.
  const drop = <C extends Collection>(collection: C, gone: (row: Db[C][number]) => boolean) =>
    store.remove(collection, (store.rows(collection) as Db[C][number][]).filter(gone));
  const ours = (r: { organisation_id: string }) => r.organisation_id === org.id;
  const users = new Set(store.peek.noxUsersOf(org.id).map((u) => u.id));
  drop('link_sessions', ours);
  drop('nox_users', ours);
  drop('devices', ours);
  drop('settings', (s) => users.has(s.nox_user_id));
  drop('thermal_schedules', ours);
  drop('pv_schedules', ours);
  drop('pv_flex_controls', ours);
  drop('manufacturer_link_sessions', ours);
  drop('manufacturer_users', ours);
  drop(
    'supplier_auth_sessions',
    (s) => s.supplier_organisation_id === org.id || s.manufacturer_organisation_id === org.id,
  );
  drop('webhook_deliveries', ours);
  Object.assign(org, { policies: {}, clock_offset_seconds: 0, brand_outages: [], route_faults: [] });
  ctx.journal.clear(org.id);
  return { reset: org.id };
}

/** The state, whole or of one organisation, as the control API shows it. */
export function stateOf(ctx: MockContext, organisationId?: string) {
  // Read only: nothing shown here is written again at the next commit.
  const rows = ctx.store.rows;
  const mine = <T extends { organisation_id: string }>(list: readonly T[]) =>
    organisationId === undefined ? list : list.filter((r) => r.organisation_id === organisationId);
  if (organisationId !== undefined) getOrganisation(ctx, organisationId);
  const users = new Set(mine(rows('nox_users')).map((u) => u.id));
  return {
    policies: ctx.store.data.policies,
    organisations: rows('organisations').filter(
      (o) => organisationId === undefined || o.id === organisationId,
    ),
    link_sessions: mine(rows('link_sessions')),
    nox_users: mine(rows('nox_users')),
    devices: mine(rows('devices')),
    settings_in_force: mine(rows('devices'))
      .filter((d) => d.asset_type === 'hp')
      .map((d) => ({ nox_user_id: d.nox_user_id, ...effectiveSettings(ctx, d) })),
    settings: rows('settings').filter((s) => organisationId === undefined || users.has(s.nox_user_id)),
    thermal_schedules: mine(rows('thermal_schedules')),
    pv_schedules: mine(rows('pv_schedules')),
    pv_flex_controls: mine(rows('pv_flex_controls')),
    manufacturer_link_sessions: mine(rows('manufacturer_link_sessions')),
    manufacturer_users: mine(rows('manufacturer_users')),
    supplier_auth_sessions: rows('supplier_auth_sessions').filter(
      (s) =>
        organisationId === undefined ||
        s.supplier_organisation_id === organisationId ||
        s.manufacturer_organisation_id === organisationId,
    ),
    webhook_deliveries: mine(rows('webhook_deliveries')),
  };
}
