import type { MockContext } from '../../domain/mock-context.ts';
import type { Device } from '../../store/schema.ts';
import { profileOf } from '../devices/device-profile.ts';
import { createProductionShare } from '../pv/curtailment.ts';
import { pvProductionKwh } from '../pv/pv-production.ts';
import { thermalSeries } from '../thermal/thermal-model.ts';
import { copHeating, copHotWater, eerCooling } from '../thermal/thermal-params.ts';

/** NOX's words: flex down is "increasing device consumption or decreasing device generation"; flex up the reverse. */
export type FlexDirection = 'down' | 'up';

const QUARTER = 900;
const HOURS = 0.25;

/**
 * Modelled: the kWh a device could shift in the quarter-hour from `t`, as known at `knownAt`. A heat pump
 * flexes down by heating at its top level as far as the comfort bounds leave room, and up by pausing as far
 * as the failsafe lets it; a PV device flexes down by curtailing what it produces, and up by giving back
 * what a curtailment holds back.
 */
export function flexPotentialKwh(
  ctx: MockContext,
  device: Device,
  direction: FlexDirection,
  t: number,
  knownAt: number,
): number {
  if (device.asset_type === 'pv') {
    const share = createProductionShare(ctx, device, t, t + QUARTER, profileOf(device).capacity_kw);
    const produced = pvProductionKwh(device, t, share);
    return direction === 'down' ? produced : pvProductionKwh(device, t, () => 1) - produced;
  }
  const { params: p, points } = thermalSeries(ctx, device, t, 1, knownAt);
  const point = points[0];
  if (!point) return 0;
  const { tank, house, outside } = point;
  const drawn = point.electric_kw * HOURS;
  // Where tank and house would be after the quarter-hour with the heat pump off.
  const tankFree = tank.temperature - (tank.loss_kw * HOURS) / p.tank.kwhPerDegree;
  const houseFree = house.temperature + (house.natural_kw * HOURS) / p.house.kwhPerDegree;
  const kwhTo = (from: number, to: number, kwhPerDegree: number) => Math.max(0, (to - from) * kwhPerDegree);
  if (direction === 'down') {
    const topTank = (tank.gain_kw.at(-1) ?? 0) * HOURS;
    const tankKwh =
      Math.min(topTank, kwhTo(tankFree, p.tank.upper, p.tank.kwhPerDegree)) / copHotWater(p, outside);
    const houseKwh = p.house.canHeat
      ? Math.min(
          (house.heating_kw.at(-1) ?? 0) * HOURS,
          kwhTo(houseFree, p.house.upper, p.house.kwhPerDegree),
        ) / copHeating(p, outside)
      : p.house.canCool
        ? Math.min(
            (house.cooling_kw.at(-1) ?? 0) * HOURS,
            kwhTo(p.house.lower, houseFree, p.house.kwhPerDegree),
          ) / eerCooling(outside)
        : 0;
    return Math.max(0, tankKwh + houseKwh - drawn);
  }
  // What the failsafe would draw anyway to keep tank and house within their bounds.
  const needed =
    kwhTo(tankFree, p.tank.lower, p.tank.kwhPerDegree) / copHotWater(p, outside) +
    (p.house.canHeat ? kwhTo(houseFree, p.house.lower, p.house.kwhPerDegree) / copHeating(p, outside) : 0) +
    (p.house.canCool ? kwhTo(p.house.upper, houseFree, p.house.kwhPerDegree) / eerCooling(outside) : 0);
  return Math.max(0, drawn - needed);
}
