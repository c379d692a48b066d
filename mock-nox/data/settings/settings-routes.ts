import type { MockContext } from '../../domain/mock-context.ts';
import { changeSettings } from '../../domain/settings/change-settings.ts';
import { effectiveSettings, type SettingsPatch } from '../../domain/settings/settings-rules.ts';
import { settingsView } from '../../domain/settings/settings-view.ts';
import { errors } from '../../errors/error-templates.ts';
import { createApiRoute } from '../../http/api-route.ts';
import { createRouter, type Router } from '../../http/router.ts';
import type { Organisation } from '../../store/schema.ts';
import { tenantMeta } from '../shared/data-api.ts';
import { findVisibleUser, visibleDevices } from '../shared/scope.ts';

export const WARNING_HEADER = 'x-nox-testkit-warning';

/** GET/PATCH /v1/devices/settings and the deprecated POST /v1/device/thermal-control/settings. */
export function createSettingsRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-data');

  router.get(
    '/v1/devices/settings',
    route({
      operation: 'getDevicesSettings',
      kind: 'supplier',
      handle: ({ org, query, res }) => {
        const devices = visibleDevices(ctx, org, 'hp', { userId: query.user_id, deviceId: query.device_id });
        res.json({
          data: devices.map((d) => settingsView(effectiveSettings(ctx, d))),
          meta: tenantMeta(org),
        });
      },
    }),
  );

  router.patch(
    '/v1/devices/settings',
    route({
      operation: 'patchDevicesSettings',
      kind: ['supplier', 'manufacturer'],
      handle: ({ org, body: { user_id, device_id, ...patch }, res }) => {
        const warnings = update(org, user_id, device_id ?? null, patch);
        if (warnings.length > 0) res.set(WARNING_HEADER, warnings.join('; '));
        res.status(204).end();
      },
    }),
  );

  router.post(
    '/v1/device/thermal-control/settings',
    route({
      operation: 'submitThermalControlSettings',
      kind: 'supplier',
      handle: ({ org, body: { user_id, device_id, steering_enabled, ...patch }, res }) => {
        const flex = steering_enabled?.heat_pump;
        const warnings = update(org, user_id, device_id ?? null, {
          ...patch,
          ...(flex === undefined ? {} : { optimization_settings: { flex_trading: flex } }),
        });
        if (warnings.length > 0) res.set(WARNING_HEADER, warnings.join('; '));
        res.json({ status: 'success', message: 'Settings updated successfully.', meta: tenantMeta(org) });
      },
    }),
  );

  /** Checks that the caller sees the user (and the heat pump), then changes the shared settings. */
  function update(org: Organisation, userId: string, deviceId: string | null, changes: SettingsPatch) {
    const user = findVisibleUser(ctx, org, userId);
    const pumps = visibleDevices(ctx, org, 'hp', { userId: user.id });
    if (deviceId !== null && !pumps.some((d) => d.device_id === deviceId))
      throw errors.deviceNotOfUser(deviceId, userId);
    return changeSettings(ctx, { by: org, noxUserId: user.id, deviceId, changes }).warnings;
  }

  return router;
}
