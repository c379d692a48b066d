import type { MockContext } from '../domain/mock-context.ts';
import { getOrganisation } from '../domain/organisations.ts';
import { effectiveSettings } from '../domain/settings/settings-rules.ts';
import { createSeedDb } from '../store/seed.ts';

/** Everything back to a fresh mock (the demo organisations only), or one organisation's data cleared. */
export function reset(ctx: MockContext, organisationId?: string): void {
  const data = ctx.store.data;
  if (organisationId === undefined) {
    Object.assign(data, createSeedDb());
    ctx.journal.clear();
    return;
  }
  const org = getOrganisation(ctx, organisationId);
  const other = <T extends { organisation_id: string }>(rows: T[]) =>
    rows.filter((r) => r.organisation_id !== org.id);
  const users = new Set(data.nox_users.filter((u) => u.organisation_id === org.id).map((u) => u.id));
  data.link_sessions = other(data.link_sessions);
  data.nox_users = other(data.nox_users);
  data.devices = other(data.devices);
  data.settings = data.settings.filter((s) => !users.has(s.nox_user_id));
  data.thermal_schedules = other(data.thermal_schedules);
  data.pv_schedules = other(data.pv_schedules);
  data.pv_flex_controls = other(data.pv_flex_controls);
  data.manufacturer_link_sessions = other(data.manufacturer_link_sessions);
  data.manufacturer_users = other(data.manufacturer_users);
  data.supplier_auth_sessions = data.supplier_auth_sessions.filter(
    (s) => s.supplier_organisation_id !== org.id && s.manufacturer_organisation_id !== org.id,
  );
  data.webhook_deliveries = data.webhook_deliveries.filter((d) => d.organisation_id !== org.id);
  Object.assign(org, { policies: {}, clock_offset_seconds: 0, brand_outages: [], route_faults: [] });
  ctx.journal.clear(org.id);
}

/** The state, whole or of one organisation, as the control API shows it. */
export function stateOf(ctx: MockContext, organisationId?: string) {
  const data = ctx.store.data;
  const mine = <T extends { organisation_id: string }>(rows: T[]) =>
    organisationId === undefined ? rows : rows.filter((r) => r.organisation_id === organisationId);
  if (organisationId !== undefined) getOrganisation(ctx, organisationId);
  return {
    policies: data.policies,
    organisations: data.organisations.filter((o) => organisationId === undefined || o.id === organisationId),
    link_sessions: mine(data.link_sessions),
    nox_users: mine(data.nox_users),
    devices: mine(data.devices),
    settings_in_force: mine(data.devices)
      .filter((d) => d.asset_type === 'hp')
      .map((d) => ({ nox_user_id: d.nox_user_id, ...effectiveSettings(ctx, d) })),
    settings: data.settings.filter(
      (s) => organisationId === undefined || mine(data.nox_users).some((u) => u.id === s.nox_user_id),
    ),
    thermal_schedules: mine(data.thermal_schedules),
    pv_schedules: mine(data.pv_schedules),
    pv_flex_controls: mine(data.pv_flex_controls),
    manufacturer_link_sessions: mine(data.manufacturer_link_sessions),
    manufacturer_users: mine(data.manufacturer_users),
    supplier_auth_sessions: data.supplier_auth_sessions.filter(
      (s) =>
        organisationId === undefined ||
        s.supplier_organisation_id === organisationId ||
        s.manufacturer_organisation_id === organisationId,
    ),
    webhook_deliveries: mine(data.webhook_deliveries),
  };
}
