import type { MockContext } from '../../domain/mock-context.ts';
import { errors } from '../../errors/error-templates.ts';
import { createApiRoute } from '../../http/api-route.ts';
import { createRouter, type Router } from '../../http/router.ts';
import { profileOf } from '../devices/device-profile.ts';
import { tenantMeta } from '../shared/data-api.ts';
import { findVisibleDevice, visibleDevices } from '../shared/scope.ts';
import { round } from '../shared/stable-random.ts';
import { formatMicros, formatMillis, formatSeconds, parseUtc, quarterStart } from '../shared/time-format.ts';
import { createProductionShare, type ProductionShare } from './curtailment.ts';
import { brandFilter, pvProductionKwh } from './pv-production.ts';

const QUARTER = 900;
const REALTIME_QUARTERS = 96;

/** PV control (switch-off windows, fleet-wide curtailment, its logs) and the production forecast. */
export function createPvControlRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-data');

  router.post(
    '/v1/devices/pv/schedule',
    route({
      operation: 'postPvControlSchedule',
      kind: 'supplier',
      handle: ({ org, body, now, res }) => {
        const device = findVisibleDevice(ctx, org, body.device_id, 'pv');
        const start = parseUtc(body.start_time, ['body', 'start_time']);
        const end = parseUtc(body.end_time, ['body', 'end_time']);
        if (end <= start) throw errors.invalid(['body', 'end_time'], 'end_time must be after start_time');
        ctx.store.data.pv_schedules.push({
          organisation_id: org.id,
          device_id: device.device_id,
          start,
          end,
          received_at: now,
        });
        res.json({
          status: 'success',
          message: `Steering schedule accepted for ${device.device_id}`,
          meta: { schedule_granularity: '1min', ...tenantMeta(org), timezone: 'UTC' },
        });
      },
    }),
  );

  router.post(
    '/v1/devices/pv/flex',
    route({
      operation: 'postPvControlFlex',
      kind: 'supplier',
      handle: ({ org, body, now, res }) => {
        const { target_kw = null, target_percentage = null, end_time = null } = body;
        if ((target_kw === null) === (target_percentage === null)) {
          throw errors.invalid(
            ['body'],
            'Send exactly one of target_kw and target_percentage as a number; the other must be null or left out',
          );
        }
        const end = end_time === null ? null : parseUtc(end_time, ['body', 'end_time']);
        if (end !== null && end <= now) {
          throw errors.invalid(
            ['body', 'end_time'],
            `end_time must be in the future (now is ${formatSeconds(now)} UTC), or null to curtail until the next request`,
          );
        }
        const devices = visibleDevices(ctx, org, 'pv');
        ctx.store.data.pv_flex_controls.push({
          organisation_id: org.id,
          at: now,
          target_kw,
          target_percentage,
          end,
          brand_filter: brandFilter(devices),
          device_count: devices.length,
        });
        res.json({ meta: tenantMeta(org) });
      },
    }),
  );

  router.get(
    '/v1/devices/pv/flex/logs',
    route({
      operation: 'getDevicesPvControlFlexLogs',
      kind: 'supplier',
      handle: ({ org, query, res }) => {
        const start = parseUtc(query.start_time, ['query', 'start_time']);
        const end = parseUtc(query.end_time, ['query', 'end_time']);
        if (end <= start) throw errors.invalid(['query', 'end_time'], 'end_time must be after start_time');
        const data = ctx.store.peek
          .pvFlexControlsOf(org.id)
          .filter((c) => start <= c.at && c.at < end)
          .sort((a, b) => a.at - b.at)
          .map((c) => ({
            timestamp: formatMicros(c.at),
            control_type: 'production_curtailment',
            target_percentage: c.target_percentage,
            brand_filter: c.brand_filter,
            executed_flex_device_count: c.device_count,
            end_time: c.end === null ? null : formatMicros(c.end),
          }));
        res.json({ data, meta: tenantMeta(org) });
      },
    }),
  );

  router.get(
    '/v1/devices/pv/production/forecast/realtime',
    route({
      operation: 'getDevicesPvProductionForecastRealtime',
      kind: 'supplier',
      handle: ({ org, now, res }) => {
        const devices = visibleDevices(ctx, org, 'pv');
        const from = quarterStart(now);
        const to = from + REALTIME_QUARTERS * QUARTER;
        const shares = devices.map((d) => createProductionShare(ctx, d, from, to, profileOf(d).capacity_kw));
        const data =
          devices.length === 0
            ? []
            : Array.from({ length: REALTIME_QUARTERS }, (_, i) => {
                const t = from + i * QUARTER;
                const kwh = devices.reduce(
                  (sum, d, k) => sum + pvProductionKwh(d, t, shares[k] as ProductionShare),
                  0,
                );
                return { forecast_time: formatMillis(t), production: round(kwh) };
              });
        res.json({
          data,
          meta: { ...tenantMeta(org), production_unit: 'kWh', granularity: '15min', output_timezone: 'UTC' },
        });
      },
    }),
  );

  return router;
}
