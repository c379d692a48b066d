import type { components, operations } from '../../../openapi/generated/nox-data.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import { errors } from '../../errors/error-templates.ts';
import { type ApiCall, createApiRoute } from '../../http/api-route.ts';
import { createRouter, type Router } from '../../http/router.ts';
import type { Device, Organisation } from '../../store/schema.ts';
import { tenantMeta } from '../shared/data-api.ts';
import { paginateSeries, seriesScope, wholeSeries } from '../shared/pagination.ts';
import { visibleDevices } from '../shared/scope.ts';
import { round } from '../shared/stable-random.ts';
import { formatSeconds, quarterStart } from '../shared/time-format.ts';
import { type FlexDirection, flexPotentialKwh } from './flex-potential.ts';
import { pythonFloat } from './python-float.ts';

type FlexRow = components['schemas']['FlexPotentialRow'];
const operationsOf = {
  down: ['getDeviceFlexDown', 'executeFlexDownAcrossDevices'],
  up: ['getDeviceFlexUp', 'executeFlexUpAcrossDevices'],
} as const;

/**
 * Flex down (reference §6.10, the older api-reference pages) and its modelled flex-up twin: the potential
 * per device for the current quarter-hour, and the fleet-wide execution.
 */
export function createFlexRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-data');

  /** One row per physical device: a device linked under two NOX users of the caller is counted once. */
  const devicesOf = (org: Organisation, deviceId: string | undefined): Device[] => {
    const seen = new Set<string>();
    const devices = visibleDevices(ctx, org, undefined, { deviceId }).filter(
      (d) => !seen.has(d.device_id) && seen.add(d.device_id),
    );
    if (deviceId === undefined) return devices;
    const device = devices.find((d) => d.device_id === deviceId);
    if (!device) throw errors.deviceNotFound(deviceId, org.name, 'device');
    return [device];
  };

  const potential =
    (direction: FlexDirection) =>
    ({ org, query, now, req, res }: ApiCall<operations['getDeviceFlexDown' | 'getDeviceFlexUp']>) => {
      const devices = devicesOf(org, query.device_id);
      const aggregated = query.aggregated === true && query.device_id === undefined;
      const rowsAt = (anchor: number): FlexRow[] => {
        const t = quarterStart(anchor);
        const timestamp = formatSeconds(t);
        const kwh = devices.map((d) => flexPotentialKwh(ctx, d, direction, t, anchor));
        if (aggregated) {
          return devices.length === 0 ? [] : [{ timestamp, energy: round(kwh.reduce((a, b) => a + b, 0)) }];
        }
        return devices.map((d, i) => ({ device_id: d.device_id, timestamp, energy: round(kwh[i] ?? 0) }));
      };
      const { page, next_token } = paginateSeries(wholeSeries(rowsAt), {
        now,
        limit: query.limit ?? 1000,
        nextToken: query.next_token,
        scope: seriesScope(req.baseUrl + req.path, query),
      });
      res.json({ data: page, meta: { ...tenantMeta(org), next_token, energy_unit: 'kWh' } });
    };

  const execute =
    (direction: FlexDirection) =>
    ({
      org,
      query,
      req,
      res,
    }: ApiCall<operations['executeFlexDownAcrossDevices' | 'executeFlexUpAcrossDevices']>) => {
      const energy = query.energy ?? 0;
      if (!Number.isFinite(energy)) {
        throw errors.invalid(
          ['query', 'energy'],
          `energy must be a finite number of kWh, e.g. 500 (got ${JSON.stringify(req.query.energy)})`,
        );
      }
      const body: components['schemas']['FlexExecuted'] = {
        message: `Flex ${direction} operation successful across all devices for ${pythonFloat(energy)} kWh.`,
        meta: tenantMeta(org),
      };
      res.json(body);
    };

  for (const direction of ['down', 'up'] as const) {
    const [get, post] = operationsOf[direction];
    router.get(
      `/v1/flex/${direction}`,
      route({ operation: get, kind: 'supplier', handle: potential(direction) }),
    );
    router.post(
      `/v1/flex/${direction}`,
      route({ operation: post, kind: 'supplier', handle: execute(direction) }),
    );
  }
  return router;
}
