import {
  clearness,
  clearSkyShare,
  dailyCycle,
  hotWaterDrawKw,
  outsideTemperature,
} from '../shared/series.ts';
import { stableFraction } from '../shared/stable-random.ts';
import { copHeating, copHotWater, eerCooling, levelPowers, type ThermalParams } from './thermal-params.ts';

/** Tank and room temperature (°C) at the start of a quarter-hour. */
export interface Temperatures {
  tank: number;
  house: number;
}

/**
 * A heat pump's thermal state and flows over one quarter-hour, in °C and kW (the views convert). Natural
 * flow is signed (negative: the house loses heat); cooling is the heat removed, positive as in the docs' example.
 */
export interface ThermalPoint {
  t: number;
  outside: number;
  tank: { temperature: number; loss_kw: number; gain_kw: number[]; power_kw: number[] };
  house: {
    temperature: number;
    natural_kw: number;
    heating_kw: number[];
    cooling_kw: number[];
    heating_power_kw: number[];
    cooling_power_kw: number[];
  };
}

/** Roughly 1.5 kWh a day of standing loss for a 200-litre tank at 55 °C in a 20 °C room. */
const STANDING_LOSS_PER_KWH_DEGREE = 0.0077;
const INTERNAL_GAINS_KW = 0.35;

/**
 * The temperatures the device's own control keeps: the tank fullest at 04:00 UTC after the night reheat and
 * lowest at 16:00, the room slightly below preferred early morning and above it late afternoon; always
 * inside the comfort bounds.
 */
export function ownTemperatures(p: ThermalParams, t: number): Temperatures {
  const fill = 0.55 + 0.3 * dailyCycle(t, 16) + 0.1 * (stableFraction('tank', p.deviceId, t) - 0.5);
  const swing = dailyCycle(t, 5);
  const room = p.house;
  return {
    tank: p.tank.lower + (p.tank.upper - p.tank.lower) * fill,
    house:
      room.preferred + 0.4 * swing * (swing < 0 ? room.preferred - room.lower : room.upper - room.preferred),
  };
}

/** The flows at these temperatures over the quarter-hour from `t` (weather taken at its middle). */
export function evaluate(p: ThermalParams, t: number, temps: Temperatures): ThermalPoint {
  const mid = t + 450;
  const outside = outsideTemperature(mid);
  const standing = p.tank.kwhPerDegree * STANDING_LOSS_PER_KWH_DEGREE * (temps.tank - 20);
  const gain = levelPowers(p.tank.ratedKw, 4);
  const solar = clearSkyShare(mid) * clearness(mid) * p.house.kwhPerDegree * 0.06;
  const heating = p.house.canHeat ? levelPowers(p.house.ratedKw, 8) : Array<number>(8).fill(0);
  const cooling = p.house.canCool ? levelPowers(p.house.ratedKw * 0.7, 8) : Array<number>(8).fill(0);
  return {
    t,
    outside,
    tank: {
      temperature: temps.tank,
      loss_kw: standing + hotWaterDrawKw(p.tank.litres, p.deviceId, mid),
      gain_kw: gain,
      power_kw: gain.map((q) => q / copHotWater(p, outside)),
    },
    house: {
      temperature: temps.house,
      natural_kw: -p.house.lossKwPerDegree * (temps.house - outside) + INTERNAL_GAINS_KW + solar,
      heating_kw: heating,
      cooling_kw: cooling,
      heating_power_kw: heating.map((q) => q / copHeating(p, outside)),
      cooling_power_kw: cooling.map((q) => q / eerCooling(outside)),
    },
  };
}

/** kW drawn under the device's own control: replace the heat the house and tank lose (cool when hot outside). */
export function ownControlElectricKw(p: ThermalParams, point: ThermalPoint): number {
  const { outside, house, tank } = point;
  const heat = p.house.canHeat ? Math.max(0, -house.natural_kw) / copHeating(p, outside) : 0;
  const coolNeeded = p.house.canCool && outside > p.house.preferred;
  const cool = coolNeeded ? Math.max(0, house.natural_kw) / eerCooling(outside) : 0;
  return heat + cool + tank.loss_kw / copHotWater(p, outside);
}
