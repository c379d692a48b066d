import { Router } from 'express';
import type { MockContext } from '../../domain/mock-context.ts';
import {
  applySettingsPatch,
  effectiveSettings,
  type SettingsPatch,
} from '../../domain/settings/settings-rules.ts';
import { errors } from '../../errors/error-templates.ts';
import type { Device, Organisation } from '../../store/schema.ts';
import { createDataRequestReader, type DataBody, tenantMeta } from '../shared/data-api.ts';
import { findVisibleUser, visibleDevices } from '../shared/scope.ts';
import { formatMicros } from '../shared/time-format.ts';

export const WARNING_HEADER = 'x-nox-testkit-warning';

/** GET/PATCH /v1/devices/settings and the deprecated POST /v1/device/thermal-control/settings. */
export function createSettingsRoutes(ctx: MockContext): Router {
  const router = Router();
  const read = createDataRequestReader(ctx);

  router.get('/v1/devices/settings', (req, res) => {
    const { org, query } = read<'getDevicesSettings'>(req, res);
    const devices = visibleDevices(ctx, org, 'hp').filter(
      (d) =>
        (query.user_id === undefined || d.nox_user_id === query.user_id) &&
        (query.device_id === undefined || d.device_id === query.device_id),
    );
    const data = devices.map((d) => {
      const { device_id, room, dhw, optimization_settings, updated_at } = effectiveSettings(ctx, d);
      return { device_id, room, dhw, optimization_settings, updated_at: formatMicros(updated_at) };
    });
    res.json({ data, meta: tenantMeta(org) });
  });

  router.patch('/v1/devices/settings', async (req, res) => {
    const { org, now } = read<'patchDevicesSettings'>(req, res, ['supplier', 'manufacturer']);
    const { user_id, device_id, ...patch }: DataBody<'patchDevicesSettings'> = req.body;
    const warnings = update(org, user_id, device_id ?? null, patch, now);
    await ctx.store.commit();
    if (warnings.length > 0) res.set(WARNING_HEADER, warnings.join('; '));
    res.status(204).end();
  });

  router.post('/v1/device/thermal-control/settings', async (req, res) => {
    const { org, now } = read<'submitThermalControlSettings'>(req, res);
    const { user_id, device_id, steering_enabled, ...patch }: DataBody<'submitThermalControlSettings'> =
      req.body;
    const flex = steering_enabled?.heat_pump;
    const warnings = update(
      org,
      user_id,
      device_id ?? null,
      {
        ...patch,
        ...(flex === undefined ? {} : { optimization_settings: { flex_trading: flex } }),
      },
      now,
    );
    await ctx.store.commit();
    if (warnings.length > 0) res.set(WARNING_HEADER, warnings.join('; '));
    res.json({ status: 'success', message: 'Settings updated successfully.', meta: tenantMeta(org) });
  });

  /** Checks that the user (and device) are the caller's, then applies the patch at the right level. */
  function update(
    org: Organisation,
    userId: string,
    deviceId: string | null,
    patch: SettingsPatch,
    now: number,
  ) {
    const user = findVisibleUser(ctx, org, userId);
    const devices: Device[] = visibleDevices(ctx, org, 'hp').filter((d) => d.nox_user_id === user.id);
    if (deviceId !== null && !devices.some((d) => d.device_id === deviceId))
      throw errors.deviceNotOfUser(deviceId, userId);
    return applySettingsPatch(ctx, user.id, deviceId, patch, now);
  }

  return router;
}
