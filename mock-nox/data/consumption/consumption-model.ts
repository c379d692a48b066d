import type { MockContext } from '../../domain/mock-context.ts';
import type { Device, NoxUser } from '../../store/schema.ts';
import { baseLoadKw } from '../shared/series.ts';
import { thermalSeries } from '../thermal/thermal-model.ts';

const QUARTER = 900;

/** kWh a heat pump draws in each of `count` quarter-hours from `from`, as NOX forecast it at `knownAt`. */
export function heatPumpConsumption(
  ctx: MockContext,
  device: Device,
  from: number,
  count: number,
  knownAt: number,
): number[] {
  return thermalSeries(ctx, device, from, count, knownAt).points.map((p) => p.electric_kw * 0.25);
}

/**
 * kWh a house (a NOX user) uses in each quarter-hour: its base load plus its heat pumps. The base load is
 * keyed by the supplier's user id, which (unlike the NOX user id) is the same in every fresh mock.
 */
export function houseConsumption(
  ctx: MockContext,
  user: NoxUser,
  from: number,
  count: number,
  knownAt: number,
): number[] {
  const pumps = ctx.store.peek
    .devicesOf(user.id)
    .filter((d) => d.asset_type === 'hp')
    .map((d) => heatPumpConsumption(ctx, d, from, count, knownAt));
  return Array.from({ length: count }, (_, i) => {
    const t = from + i * QUARTER;
    return baseLoadKw(user.supplier_user_id, t) * 0.25 + pumps.reduce((sum, pump) => sum + (pump[i] ?? 0), 0);
  });
}

/** The houses summed over at once: one, or all of the caller's. */
export function sumOfHouses(
  ctx: MockContext,
  users: NoxUser[],
  from: number,
  count: number,
  knownAt: number,
): number[] {
  const total = Array<number>(count).fill(0);
  for (const user of users) {
    houseConsumption(ctx, user, from, count, knownAt).forEach((kwh, i) => {
      total[i] = (total[i] ?? 0) + kwh;
    });
  }
  return total;
}
