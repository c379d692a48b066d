import type { MockContext } from '../../domain/mock-context.ts';
import { errors } from '../../errors/error-templates.ts';
import { createApiRoute } from '../../http/api-route.ts';
import { createRouter, type Router } from '../../http/router.ts';
import { tenantMeta } from '../shared/data-api.ts';
import { findVisibleDevice } from '../shared/scope.ts';
import { formatSeconds, parseUtc, quarterStart } from '../shared/time-format.ts';
import { thermalSeries } from './thermal-model.ts';
import { scheduleStart, storeThermalSchedule } from './thermal-schedule.ts';
import { currentStateData, currentStateUnits, forecastRow, forecastUnits } from './thermal-view.ts';

const DAY = 86_400;
const MAX_FORECAST_DAYS = 7;
const isoZ = (unix: number) => new Date(unix * 1000).toISOString().replace('.000Z', 'Z');

/** Thermal control of heat pumps: forecast, current state, and the supplier's 24-hour schedule. */
export function createThermalRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-data');

  router.get(
    '/v1/device/thermal-control/forecast',
    route({
      operation: 'getThermalControlForecast',
      kind: 'supplier',
      handle: ({ org, query, now, res }) => {
        const device = findVisibleDevice(ctx, org, query.device_id, 'hp');
        const start =
          query.start_time === undefined
            ? quarterStart(now)
            : parseUtc(query.start_time, ['query', 'start_time']);
        const end =
          query.end_time === undefined ? start + DAY : parseUtc(query.end_time, ['query', 'end_time']);
        if (end <= start) throw errors.invalid(['query', 'end_time'], 'end_time must be after start_time');
        if (end - start > MAX_FORECAST_DAYS * DAY) {
          throw errors.invalid(
            ['query', 'end_time'],
            `end_time must be at most ${MAX_FORECAST_DAYS} days after start_time`,
          );
        }
        const from = quarterStart(start);
        const { params, points } = thermalSeries(ctx, device, from, Math.ceil((end - from) / 900), now);
        const unit = query.unit ?? 'kWh';
        res.json({
          data: { device_id: device.device_id, forecasts: points.map((p) => forecastRow(params, p, unit)) },
          meta: {
            forecast_generation_date: formatSeconds(now).slice(0, 10),
            forecast_generation_date_time_zone: 'UTC',
            timestamp_time_zone: 'UTC',
            ...forecastUnits(unit),
            ...tenantMeta(org),
          },
        });
      },
    }),
  );

  router.get(
    '/v1/device/thermal-control/current-state',
    route({
      operation: 'getThermalControlCurrentState',
      kind: 'supplier',
      handle: ({ org, query, now, res }) => {
        const device = findVisibleDevice(ctx, org, query.device_id, 'hp');
        const { params, points } = thermalSeries(ctx, device, quarterStart(now), 1, now);
        const unit = query.unit ?? 'kWh';
        res.json({
          data: currentStateData(params, points[0] as (typeof points)[number], unit),
          meta: { ...currentStateUnits(unit), ...tenantMeta(org) },
        });
      },
    }),
  );

  router.post(
    '/v1/device/thermal-control/schedule',
    route({
      operation: 'submitThermalControlSchedule',
      kind: 'supplier',
      handle: ({ org, body, now, res }) => {
        const device = findVisibleDevice(ctx, org, body.device_id, 'hp');
        const start = scheduleStart(body.start_time ?? null, now);
        storeThermalSchedule(ctx, {
          organisation_id: org.id,
          device_id: device.device_id,
          start,
          tank: body.tank,
          house: body.house,
          received_at: now,
        });
        res.json({
          status: 'success',
          message: `Thermal control schedule accepted for ${device.device_id}`,
          meta: {
            ...tenantMeta(org),
            schedule_granularity: '15min',
            timezone: 'UTC',
            start_time: isoZ(start),
            end_time: isoZ(start + DAY),
          },
        });
      },
    }),
  );

  return router;
}
