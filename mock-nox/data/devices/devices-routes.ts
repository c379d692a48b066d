import type { MockContext } from '../../domain/mock-context.ts';
import { policiesOf } from '../../domain/organisations.ts';
import { effectiveSettings } from '../../domain/settings/settings-rules.ts';
import { createApiRoute } from '../../http/api-route.ts';
import { createRouter, type MockRequest, type Router } from '../../http/router.ts';
import type { AssetType, Device, Organisation } from '../../store/schema.ts';
import { isCurtailed } from '../pv/curtailment.ts';
import { tenantMeta } from '../shared/data-api.ts';
import { paginateByKey } from '../shared/pagination.ts';
import { visibleDevices } from '../shared/scope.ts';
import { profileOf } from './device-profile.ts';

type DeviceListQuery = { user_id?: string; device_id?: string; limit?: number; next_token?: string };
const keyOf = (d: Device) => ({ device_id: d.device_id, user_id: d.nox_user_id });
const ready = {
  can_activate_action: true,
  in_active_action: false,
  reason: 'Device is ready to receive an action.',
};
const steeringOff = {
  can_activate_action: false,
  in_active_action: false,
  reason: 'Steering is not enabled for this device.',
};

/** GET /v1/devices (heat pumps), /v1/devices/pv and /v1/manufacturer/devices (heat pumps), paginated by device id. */
export function createDevicesRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-data');
  const filtered = (org: Organisation, assetType: AssetType, q: { user_id?: string; device_id?: string }) =>
    visibleDevices(ctx, org, assetType, { userId: q.user_id, deviceId: q.device_id });

  /**
   * The page size: the caller's `limit`, else the organisation's default_device_page_size (NOX: 1000, the
   * spec's default, which the validator fills in: so the raw query says whether the caller gave one).
   */
  const limitOf = (req: MockRequest, org: Organisation, query: { limit?: number }) =>
    req.query.limit === undefined
      ? policiesOf(ctx, org).default_device_page_size
      : (query.limit ?? policiesOf(ctx, org).default_device_page_size);

  /** One page of the caller's devices of an asset type, after the user_id/device_id filters. */
  const pageOf = (req: MockRequest, org: Organisation, assetType: AssetType, query: DeviceListQuery) =>
    paginateByKey(
      filtered(org, assetType, query),
      keyOf,
      limitOf(req, org, query),
      query.next_token,
      tenantMeta(org),
    );

  router.get(
    '/v1/devices',
    route({
      operation: 'getDevices',
      kind: 'supplier',
      handle: ({ org, query, req, res }) => {
        const { page, next_token } = pageOf(req, org, 'hp', query);
        const supplierControl = policiesOf(ctx, org).package === 'supplier-control';
        res.json({
          data: page.map((d) => heatPumpView(d, supplierControl)),
          meta: { ...tenantMeta(org), capacity_unit: 'kWh', next_token },
        });
      },
    }),
  );

  router.get(
    '/v1/devices/pv',
    route({
      operation: 'getDevicesPv',
      kind: 'supplier',
      handle: ({ org, query, now, req, res }) => {
        const { page, next_token } = pageOf(req, org, 'pv', query);
        res.json({ data: page.map((d) => pvView(d, now)), meta: { ...tenantMeta(org), next_token } });
      },
    }),
  );

  router.get(
    '/v1/manufacturer/devices',
    route({
      operation: 'getManufacturerDevices',
      kind: 'manufacturer',
      handle: ({ org, query, req, res }) => {
        // Heat pumps only: the rows carry DHW and optimisation settings, which a PV inverter does not have.
        const devices = filtered(org, 'hp', query);
        const limit = limitOf(req, org, query);
        const { page, next_token } = paginateByKey(devices, keyOf, limit, query.next_token, {
          manufacturer: org.name,
        });
        res.json({ data: page.map(manufacturerView), meta: { manufacturer: org.name, next_token } });
      },
    }),
  );

  /** A heat pump as GET /v1/devices shows it; the supplier-control fields only to that package (NOX's guide). */
  function heatPumpView(device: Device, supplierControl: boolean) {
    const profile = profileOf(device);
    const settings = effectiveSettings(ctx, device);
    const steering = settings.optimization_settings.flex_trading;
    return {
      model: profile.model,
      brand: device.brand,
      ...(settings.location.country ? { country: settings.location.country } : {}),
      device_id: device.device_id,
      user_id: device.nox_user_id,
      device_type: 'heat_pump',
      model_type: profile.model_type,
      has_delayed_power_data_1d: profile.has_delayed_power_data_1d,
      ...(supplierControl ? { legionella_config: profile.legionella_config } : {}),
      cycle_config: profile.cycle_config,
      ...(supplierControl
        ? {
            steerable_status: {
              steering_enabled: steering,
              steerable: true,
              DHW: steering ? ready : steeringOff,
              room: steering ? ready : steeringOff,
            },
          }
        : {}),
      needs_reauthentication: false,
    };
  }

  function pvView(device: Device, now: number) {
    const profile = profileOf(device);
    const country = effectiveSettings(ctx, device).location.country;
    const curtailed = isCurtailed(ctx, device, now, profile.capacity_kw);
    return {
      model: profile.model,
      brand: profile.brandName,
      ...(country ? { country } : {}),
      device_id: device.device_id,
      user_id: device.nox_user_id,
      steerable_status: {
        steering_enabled: true,
        steerable: true,
        learning_period_ended: true,
        general_reason: 'Device can be steered.',
      },
      needs_reauthentication: false,
      has_grid_export_curtailment: false,
      has_production_curtailment: curtailed,
    };
  }

  function manufacturerView(device: Device) {
    const settings = effectiveSettings(ctx, device);
    const supplier = ctx.store.peek.organisation(device.organisation_id);
    return {
      device_id: device.device_id,
      // A manufacturer's own user (no supplier confirmed it yet) has no energy supplier.
      energy_supplier: supplier?.kind === 'supplier' ? supplier.name : '',
      dhw: settings.dhw,
      optimization_settings: settings.optimization_settings,
      ...(settings.location.country ? { country: settings.location.country } : {}),
    };
  }

  return router;
}
