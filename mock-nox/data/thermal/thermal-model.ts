import type { MockContext } from '../../domain/mock-context.ts';
import type { Device, ThermalSchedule } from '../../store/schema.ts';
import { copHeating, copHotWater, eerCooling, type ThermalParams, thermalParams } from './thermal-params.ts';
import {
  evaluate,
  ownControlElectricKw,
  ownTemperatures,
  type Temperatures,
  type ThermalPoint,
} from './thermal-point.ts';
import { scheduleStretches } from './thermal-schedule.ts';

const QUARTER = 900;
const HOURS = 0.25;
/** After a schedule the device's own control takes over again: the gap to its own curve shrinks to 60 % each quarter, gone after 3 h. */
const RELAX = 0.6;
const RELAX_QUARTERS = 12;

/** A point with the average electric power the heat pump draws in that quarter-hour. */
export type PoweredPoint = ThermalPoint & { electric_kw: number };

/**
 * `count` quarter-hours of a heat pump from `from` (a quarter-hour start). Without a schedule the device
 * follows its own control; in a schedule's quarter-hours the scheduled levels heat the tank and heat or
 * cool the house, temperatures move by physics, and a failsafe keeps them within the comfort bounds (heats
 * what is missing, stops what overshoots). The walk starts where the scheduled stretches leading up to
 * `from` begin, so every caller sees the same trajectory whatever its `from`.
 */
export function thermalSeries(
  ctx: MockContext,
  device: Device,
  from: number,
  count: number,
  knownAt: number,
) {
  const params = thermalParams(ctx, device);
  const stretches = scheduleStretches(ctx, device, knownAt);
  let walkFrom = from;
  for (const s of [...stretches].reverse()) {
    if (s.from < walkFrom && walkFrom < s.to + RELAX_QUARTERS * QUARTER) walkFrom = s.from;
  }
  const points: PoweredPoint[] = [];
  let state: Temperatures | null = null;
  let settledAt = Number.NEGATIVE_INFINITY;
  for (let t = walkFrom; t < from + count * QUARTER; t += QUARTER) {
    const own = ownTemperatures(params, t);
    const point = evaluate(params, t, state ?? own);
    const stretch = stretches.find((s) => s.from <= t && t < s.to);
    let electric: number;
    if (stretch) {
      const step = scheduledStep(params, point, levelsAt(stretch.schedule, t));
      electric = step.electricKw;
      state = step.next;
      settledAt = stretch.to + RELAX_QUARTERS * QUARTER;
    } else {
      electric = ownControlElectricKw(params, point);
      state = state && t + QUARTER < settledAt ? relaxed(params, state, own, t + QUARTER) : null;
    }
    if (t >= from) points.push({ ...point, electric_kw: electric });
  }
  return { params, points };
}

function levelsAt(schedule: ThermalSchedule, t: number): { tank: number; house: number } {
  const index = (t - schedule.start) / QUARTER;
  return { tank: schedule.tank[index] ?? 0, house: schedule.house[index] ?? 0 };
}

function scheduledStep(p: ThermalParams, point: ThermalPoint, levels: { tank: number; house: number }) {
  const { tank, house, outside } = point;
  const tankGain = levels.tank > 0 ? (tank.gain_kw[levels.tank - 1] ?? 0) : 0;
  const houseFlow =
    levels.house > 0
      ? (house.heating_kw[levels.house - 1] ?? 0)
      : levels.house < 0
        ? -(house.cooling_kw[-levels.house - 1] ?? 0)
        : 0;
  const tankNext = settle(
    tank.temperature,
    tankGain - tank.loss_kw,
    p.tank.kwhPerDegree,
    p.tank.lower,
    p.tank.upper,
  );
  const houseNext = settle(
    house.temperature,
    houseFlow + house.natural_kw,
    p.house.kwhPerDegree,
    p.house.lower,
    p.house.upper,
  );
  const tankDelivered = Math.max(0, tankGain + tankNext.correctionKw);
  const houseDelivered = houseFlow + houseNext.correctionKw;
  const houseElectric =
    houseDelivered >= 0 ? houseDelivered / copHeating(p, outside) : -houseDelivered / eerCooling(outside);
  return {
    electricKw: tankDelivered / copHotWater(p, outside) + houseElectric,
    next: { tank: tankNext.temperature, house: houseNext.temperature },
  };
}

/** The temperature after a quarter-hour of `netKw`, held within [lower, upper] by the failsafe, and the kW the failsafe added (or stopped). */
function settle(temperature: number, netKw: number, kwhPerDegree: number, lower: number, upper: number) {
  const free = temperature + (netKw * HOURS) / kwhPerDegree;
  const held = Math.min(upper, Math.max(lower, free));
  return { temperature: held, correctionKw: ((held - free) * kwhPerDegree) / HOURS };
}

function relaxed(p: ThermalParams, state: Temperatures, own: Temperatures, next: number): Temperatures {
  const ownNext = ownTemperatures(p, next);
  return {
    tank: ownNext.tank + (state.tank - own.tank) * RELAX,
    house: ownNext.house + (state.house - own.house) * RELAX,
  };
}
