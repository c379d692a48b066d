import type { MockContext } from '../../domain/mock-context.ts';
import { errors } from '../../errors/error-templates.ts';
import { createApiRoute } from '../../http/api-route.ts';
import { createRouter, type MockRequest, type Router } from '../../http/router.ts';
import type { NoxUser, Organisation } from '../../store/schema.ts';
import { tenantMeta } from '../shared/data-api.ts';
import { paginateSeries, seriesScope, wholeSeries } from '../shared/pagination.ts';
import { findVisibleDevice, findVisibleUser, visibleDevices } from '../shared/scope.ts';
import { round } from '../shared/stable-random.ts';
import { formatMinutes, parseUtc, quarterStart } from '../shared/time-format.ts';
import { heatPumpConsumption } from './consumption-model.ts';
import { slotsByForecastTime, slotsByGeneration } from './forecast-generations.ts';
import { historicalForecastRows, liveForecastRows } from './house-forecast-rows.ts';

/** Modelled: one request covers at most 31 days, so a wide window cannot make the mock compute for minutes. */
const MAX_HISTORY_WINDOW = 31 * 86400;

const consumptionMeta = (org: Organisation, nextToken: string | null) => ({
  ...tenantMeta(org),
  next_token: nextToken,
  consumption_unit: 'kWh',
  granularity: '15min',
  output_timezone: 'UTC',
});

/** The page a series request asks for; its token is bound to the path and the query. */
const pageRequest = (req: MockRequest, query: { limit?: number; next_token?: string }, now: number) => ({
  now,
  limit: query.limit ?? 1000,
  nextToken: query.next_token,
  scope: seriesScope(req.baseUrl + req.path, query),
});

/** House consumption forecasts (live and historical) and the per-device forecast of the next quarter-hour. */
export function createConsumptionRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const route = createApiRoute(ctx, 'nox-data');
  const housesOf = (org: Organisation, houseId: string | undefined): NoxUser[] =>
    houseId === undefined ? ctx.store.peek.noxUsersOf(org.id) : [findVisibleUser(ctx, org, houseId)];

  router.get(
    '/v1/house/consumption/forecast',
    route({
      operation: 'getHouseConsumptionForecast',
      kind: 'supplier',
      handle: ({ org, query, now, req, res }) => {
        const houses = housesOf(org, query.house_id);
        const { page, next_token } = paginateSeries(
          (anchor, offset, limit) => liveForecastRows(ctx, houses, anchor, offset, limit),
          pageRequest(req, query, now),
        );
        res.json({
          data: page,
          meta: { ...consumptionMeta(org, next_token), house_id: query.house_id ?? null },
        });
      },
    }),
  );

  router.get(
    '/v1/house/consumption/forecast/historical',
    route({
      operation: 'getHouseConsumptionForecastHistorical',
      kind: 'supplier',
      handle: ({ org, query, now, req, res }) => {
        const start = parseUtc(query.start_time, ['query', 'start_time']);
        const end = parseUtc(query.end_time, ['query', 'end_time']);
        if (end <= start) throw errors.invalid(['query', 'end_time'], 'end_time must be after start_time');
        if (end - start > MAX_HISTORY_WINDOW) {
          throw errors.invalid(
            ['query', 'end_time'],
            'end_time may be at most 31 days after start_time; ask for a longer period in several requests',
          );
        }
        const houses = housesOf(org, query.house_id);
        const linkedAt = Math.min(...houses.map((h) => h.created_at));
        const slotsOf = query.forecast_generation_timestamp ? slotsByGeneration : slotsByForecastTime;
        const slotsAt = (anchor: number) => slotsOf(start, end, anchor, linkedAt);
        const { page, next_token } = paginateSeries(wholeSeries(slotsAt), pageRequest(req, query, now));
        res.json({
          data: historicalForecastRows(ctx, houses, page),
          meta: { ...consumptionMeta(org, next_token), house_id: query.house_id ?? null },
        });
      },
    }),
  );

  router.get(
    '/v1/device/consumption/forecast/15min',
    route({
      operation: 'getDeviceConsumptionForecast15Min',
      kind: 'supplier',
      handle: ({ org, query, now, req, res }) => {
        const devices =
          query.device_id === undefined
            ? visibleDevices(ctx, org, 'hp')
            : [findVisibleDevice(ctx, org, query.device_id, 'hp')];
        const aggregated = query.aggregated === true && query.device_id === undefined;
        // "Next 15 minutes": the quarter-hour that starts next, as for a schedule sent now.
        const rowsAt = (anchor: number) => {
          const t = quarterStart(anchor) + 900;
          const forecast_time = formatMinutes(t);
          const kwh = devices.map((d) => heatPumpConsumption(ctx, d, t, 1, anchor)[0] ?? 0);
          if (!aggregated) {
            return devices.map((d, i) => ({
              device_id: d.device_id,
              forecast_time,
              consumption: round(kwh[i] ?? 0),
            }));
          }
          return devices.length === 0
            ? []
            : [{ forecast_time, consumption: round(kwh.reduce((a, b) => a + b, 0)) }];
        };
        const { page, next_token } = paginateSeries(wholeSeries(rowsAt), pageRequest(req, query, now));
        res.json({ data: page, meta: consumptionMeta(org, next_token) });
      },
    }),
  );

  return router;
}
