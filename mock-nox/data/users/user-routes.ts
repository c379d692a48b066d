import { Router } from 'express';
import type { MockContext } from '../../domain/mock-context.ts';
import { createDataRequestReader } from '../shared/data-api.ts';
import { findVisibleUser } from '../shared/scope.ts';

/** DELETE /v1/users/{user_id}: modelled, since NOX lists "deleting a user" without a public endpoint. */
export function createUserRoutes(ctx: MockContext): Router {
  const router = Router();
  const read = createDataRequestReader(ctx);

  router.delete('/v1/users/:user_id', async (req, res) => {
    const { org } = read<'deleteUser'>(req, res);
    const user = findVisibleUser(ctx, org, req.params.user_id);
    deleteUser(ctx, user.id);
    await ctx.store.commit();
    res.status(204).end();
  });

  return router;
}

/**
 * Removes a NOX user and everything hanging off it: mapping, devices, settings, schedules. The user's link
 * sessions stay (their token and outcome are the supplier's history) but no longer name the user or its
 * devices, so /__nox/state holds nothing that points at a deleted user.
 */
export function deleteUser(ctx: MockContext, noxUserId: string): void {
  const data = ctx.store.data;
  const deviceIds = new Set(data.devices.filter((d) => d.nox_user_id === noxUserId).map((d) => d.device_id));
  const organisationId = data.nox_users.find((u) => u.id === noxUserId)?.organisation_id;
  const otherwiseOwned = new Set(
    data.devices
      .filter((d) => d.nox_user_id !== noxUserId && d.organisation_id === organisationId)
      .map((d) => d.device_id),
  );
  const gone = (r: { organisation_id: string; device_id: string }) =>
    r.organisation_id === organisationId && deviceIds.has(r.device_id) && !otherwiseOwned.has(r.device_id);
  data.nox_users = data.nox_users.filter((u) => u.id !== noxUserId);
  data.devices = data.devices.filter((d) => d.nox_user_id !== noxUserId);
  data.settings = data.settings.filter((s) => s.nox_user_id !== noxUserId);
  data.thermal_schedules = data.thermal_schedules.filter((s) => !gone(s));
  data.pv_schedules = data.pv_schedules.filter((s) => !gone(s));
  for (const session of data.link_sessions.filter((s) => s.nox_user_id === noxUserId)) {
    session.nox_user_id = null;
    session.device_ids = [];
  }
}
