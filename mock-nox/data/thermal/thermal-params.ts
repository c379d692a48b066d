import type { MockContext } from '../../domain/mock-context.ts';
import { effectiveSettings } from '../../domain/settings/settings-rules.ts';
import type { Device } from '../../store/schema.ts';
import { profileOf } from '../devices/device-profile.ts';

/** Tank energy is counted from cold tap water at this temperature. */
export const TAP_WATER_C = 10;
/** The failsafe switches the tank on this many °C above its lower bound (NOX: ≈ 42 °C with a schedule). */
const ACTIVATION_MARGIN_C = 3;
/** Hours the house takes to lose 63 % of its heat surplus over outside: its capacity over its loss coefficient. */
const HOUSE_TIME_CONSTANT_H = 120;

/**
 * A heat pump's thermal characteristics (from its profile) with the comfort bounds in force (from its
 * settings): everything the thermal model needs besides the time. Modelled, not documented by NOX.
 */
export interface ThermalParams {
  deviceId: string;
  groundSource: boolean;
  tank: {
    litres: number;
    kwhPerDegree: number;
    ratedKw: number;
    lower: number;
    upper: number;
    activationTemp: number;
  };
  house: {
    kwhPerDegree: number;
    lossKwPerDegree: number;
    ratedKw: number;
    preferred: number;
    lower: number;
    upper: number;
    canHeat: boolean;
    canCool: boolean;
  };
}

export function thermalParams(ctx: MockContext, device: Device): ThermalParams {
  const profile = profileOf(device);
  const { dhw, room } = effectiveSettings(ctx, device);
  const lossKwPerDegree = profile.house_kwh_per_degree / HOUSE_TIME_CONSTANT_H;
  const mode = room.temperature_control_mode;
  return {
    deviceId: device.device_id,
    groundSource: profile.model_type === 'ground-to-water',
    tank: {
      litres: profile.tank_litres,
      kwhPerDegree: (profile.tank_litres * 4.186) / 3600,
      ratedKw: (profile.tank_litres / 200) * 3,
      lower: dhw.temperature_lower_bound,
      upper: dhw.temperature_upper_bound,
      activationTemp: Math.min(
        dhw.temperature_upper_bound,
        dhw.temperature_lower_bound + ACTIVATION_MARGIN_C,
      ),
    },
    house: {
      kwhPerDegree: profile.house_kwh_per_degree,
      lossKwPerDegree,
      ratedKw: lossKwPerDegree * 35,
      preferred: room.preferred_temperature,
      lower: room.preferred_temperature - room.temperature_lower_bound,
      upper: room.preferred_temperature + room.temperature_upper_bound,
      canHeat: mode === 'auto' || mode === 'heating',
      canCool: mode === 'auto' || mode === 'cooling',
    },
  };
}

const clamp = (min: number, max: number, value: number) => Math.min(max, Math.max(min, value));

/** Coefficient of performance for space heating: about 3 at 7 °C outside, worse when colder (ground source steadier). */
export const copHeating = (p: ThermalParams, outside: number) =>
  p.groundSource ? clamp(3.5, 5, 4.3 + 0.02 * (outside - 7)) : clamp(2, 5, 3.2 + 0.08 * (outside - 7));

/** Heating hot water needs a higher flow temperature, so a lower COP. */
export const copHotWater = (p: ThermalParams, outside: number) => Math.max(1.5, copHeating(p, outside) - 0.7);

/** Energy efficiency ratio for cooling: worse the hotter it is outside. */
export const eerCooling = (outside: number) => clamp(2.5, 5, 4 - 0.08 * (outside - 25));

/** Thermal kW per activation level 1..n: level n is the rated power. */
export const levelPowers = (ratedKw: number, levels: number) =>
  Array.from({ length: levels }, (_, i) => (ratedKw * (i + 1)) / levels);
