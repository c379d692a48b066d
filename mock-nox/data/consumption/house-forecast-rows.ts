import type { MockContext } from '../../domain/mock-context.ts';
import type { NoxUser } from '../../store/schema.ts';
import { round } from '../shared/stable-random.ts';
import { formatMinutes, formatSeconds, quarterStart } from '../shared/time-format.ts';
import { sumOfHouses } from './consumption-model.ts';
import { FORECAST_QUARTERS, type Slot } from './forecast-generations.ts';

const QUARTER = 900;
/** House forecasts carry kWh as a decimal string ("24116.25"), as in the docs. */
const decimal = (kwh: number) => round(kwh).toFixed(2);

/**
 * Rows `offset` to `offset + limit` of the live 72 h forecast of these houses (summed), from the
 * quarter-hour `anchor` falls in; only those rows are computed, so paging does not redo the whole series.
 */
export function liveForecastRows(
  ctx: MockContext,
  houses: NoxUser[],
  anchor: number,
  offset: number,
  limit: number,
) {
  const total = houses.length === 0 ? 0 : FORECAST_QUARTERS;
  const first = Math.min(offset, total);
  const count = Math.min(limit, total - first);
  const from = quarterStart(anchor) + first * QUARTER;
  const rows = sumOfHouses(ctx, houses, from, count, anchor).map((kwh, i) => ({
    forecast_time: formatMinutes(from + i * QUARTER),
    consumption: decimal(kwh),
  }));
  return { rows, total };
}

/**
 * Rows of past forecasts. Each run of slots from one generation is computed as NOX knew things then: the
 * houses linked by that time and the schedules received by then; otherwise the numbers equal the live ones.
 */
export function historicalForecastRows(ctx: MockContext, houses: NoxUser[], slots: Slot[]) {
  const rows: { forecast_time: string; consumption: string; forecast_generation_time: string }[] = [];
  for (let i = 0; i < slots.length; ) {
    const { t: first, generation } = slots[i] as Slot;
    let count = 1;
    while (slots[i + count]?.generation === generation) count++;
    const known = houses.filter((h) => h.created_at <= generation);
    sumOfHouses(ctx, known, first, count, generation).forEach((kwh, k) => {
      rows.push({
        forecast_time: formatMinutes(first + k * QUARTER),
        consumption: decimal(kwh),
        // With seconds, like the one "2025-04-29 08:30:00" in the docs' example.
        forecast_generation_time: formatSeconds(generation),
      });
    });
    i += count;
  }
  return rows;
}
