import type { MockContext } from '../domain/mock-context.ts';
import { createRouter, type Router } from '../http/router.ts';
import { createConsumptionRoutes } from './consumption/consumption-routes.ts';
import { createDevicesRoutes } from './devices/devices-routes.ts';
import { createFlexRoutes } from './flex/flex-routes.ts';
import { createPvControlRoutes } from './pv/pv-control-routes.ts';
import { createSettingsRoutes } from './settings/settings-routes.ts';
import { createThermalRoutes } from './thermal/thermal-routes.ts';
import { createUserRoutes } from './users/user-routes.ts';

/** The NOX data ("Package") API under /v1, on the calling organisation's linked users and devices. */
export function createDataRoutes(ctx: MockContext): Router {
  const router = createRouter();
  for (const create of [
    createDevicesRoutes,
    createSettingsRoutes,
    createConsumptionRoutes,
    createThermalRoutes,
    createPvControlRoutes,
    createFlexRoutes,
    createUserRoutes,
  ]) {
    router.use(create(ctx));
  }
  return router;
}
