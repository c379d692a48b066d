import type { MockContext } from '../../domain/mock-context.ts';
import { createApiRoute } from '../../http/api-route.ts';
import { createRouter, type Router } from '../../http/router.ts';
import { findVisibleUser } from '../shared/scope.ts';

/** DELETE /v1/users/{user_id}: modelled, since NOX lists "deleting a user" without a public endpoint. */
export function createUserRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-data');

  router.delete(
    '/v1/users/:user_id',
    route({
      operation: 'deleteUser',
      kind: 'supplier',
      handle: ({ org, param, res }) => {
        deleteUser(ctx, findVisibleUser(ctx, org, param('user_id')).id);
        res.status(204).end();
      },
    }),
  );

  return router;
}

/**
 * Removes a NOX user and everything hanging off it: mapping, devices, settings, schedules. The user's link
 * sessions stay (their token and outcome are the supplier's history) but no longer name the user or its
 * devices, so /__nox/state holds nothing that points at a deleted user.
 */
export function deleteUser(ctx: MockContext, noxUserId: string): void {
  const { store } = ctx;
  const { peek } = store;
  const user = peek.noxUser(noxUserId);
  if (!user) return;
  const organisationId = user.organisation_id;
  const devices = peek.devicesOf(noxUserId);
  // A device also linked under another NOX user of the organisation keeps its schedules.
  const ownedElsewhere = (deviceId: string) =>
    peek
      .devicesWithId(deviceId)
      .some((d) => d.nox_user_id !== noxUserId && d.organisation_id === organisationId);
  const goneIds = [...new Set(devices.map((d) => d.device_id))].filter((id) => !ownedElsewhere(id));
  store.remove('nox_users', [user]);
  store.remove('devices', devices);
  store.remove('settings', peek.everySettingsOf(noxUserId));
  for (const deviceId of goneIds) {
    store.remove('thermal_schedules', peek.thermalSchedulesOf(organisationId, deviceId));
    store.remove('pv_schedules', peek.pvSchedulesOf(organisationId, deviceId));
  }
  // The sessions are read untracked; only the user's are taken (by token) to be changed and written.
  for (const s of store.rows('link_sessions')) {
    const session = s.nox_user_id === noxUserId ? store.find.linkSession(s.token) : undefined;
    if (session) Object.assign(session, { nox_user_id: null, device_ids: [] });
  }
}
