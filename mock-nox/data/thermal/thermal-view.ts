import { round } from '../shared/stable-random.ts';
import { formatSeconds } from '../shared/time-format.ts';
import { TAP_WATER_C, type ThermalParams } from './thermal-params.ts';
import type { ThermalPoint } from './thermal-point.ts';

export type ThermalUnit = 'kWh' | 'celsius';

const r = (values: number[]) => values.map((v) => round(v));

/**
 * The unit conversions of one response: kWh mode gives energies (Y, bounds) in kWh and flows (Q_*) in kW;
 * celsius mode gives temperatures in °C and flows renamed T_* in °C per 15 minutes. P_* are kW in both.
 */
function converter(p: ThermalParams, unit: ThermalUnit) {
  const kwh = unit === 'kWh';
  const tankDegrees = (c: number) => round(kwh ? p.tank.kwhPerDegree * (c - TAP_WATER_C) : c);
  const houseDegrees = (c: number) => round(kwh ? p.house.kwhPerDegree * c : c);
  const perQuarter = (kwhPerDegree: number) => (kw: number) => round(kwh ? kw : (kw * 0.25) / kwhPerDegree);
  return {
    flow: (name: string) => (kwh ? `Q_${name}` : `T_${name}`),
    tankDegrees,
    houseDegrees,
    tankFlow: perQuarter(p.tank.kwhPerDegree),
    houseFlow: perQuarter(p.house.kwhPerDegree),
  };
}

/** One row of GET /v1/device/thermal-control/forecast. */
export function forecastRow(p: ThermalParams, point: ThermalPoint, unit: ThermalUnit) {
  const c = converter(p, unit);
  const { tank, house } = point;
  return {
    timestamp: formatSeconds(point.t),
    tank: {
      upperbound_Z: c.tankDegrees(p.tank.upper),
      lowerbound_X: c.tankDegrees(p.tank.lower),
      Y_avg: c.tankDegrees(tank.temperature),
      [c.flow('loss')]: c.tankFlow(tank.loss_kw),
      [c.flow('gain')]: tank.gain_kw.map(c.tankFlow),
      P_if_activated: r(tank.power_kw),
      tank_activation_limit: c.tankDegrees(p.tank.activationTemp),
      tank_activation_limit_temp: round(p.tank.activationTemp),
    },
    house: {
      upperbound_Z: c.houseDegrees(p.house.upper),
      lowerbound_X: c.houseDegrees(p.house.lower),
      Y_avg: c.houseDegrees(house.temperature),
      Y_ideal: c.houseDegrees(p.house.preferred),
      ...houseFlows(c, point),
    },
  };
}

/** The data of GET /v1/device/thermal-control/current-state. */
export function currentStateData(p: ThermalParams, point: ThermalPoint, unit: ThermalUnit) {
  const c = converter(p, unit);
  const { tank, house } = point;
  return {
    device_id: p.deviceId,
    timestamp: formatSeconds(point.t),
    tank: {
      Y: c.tankDegrees(tank.temperature),
      DHW_temperature: round(tank.temperature),
      [c.flow('loss')]: c.tankFlow(tank.loss_kw),
      [c.flow('gain')]: tank.gain_kw.map(c.tankFlow),
      P_if_activated: r(tank.power_kw),
      // The older docs page's name for the same per-level tank power (meta.tank_P_unit).
      P: r(tank.power_kw),
    },
    house: {
      Y: c.houseDegrees(house.temperature),
      // The older docs page's room temperature, always °C like DHW_temperature.
      space_temperature: round(house.temperature),
      ...houseFlows(c, point),
    },
  };
}

function houseFlows(c: ReturnType<typeof converter>, { house }: ThermalPoint) {
  return {
    [c.flow('natural')]: c.houseFlow(house.natural_kw),
    [c.flow('heating')]: house.heating_kw.map(c.houseFlow),
    [c.flow('cooling')]: house.cooling_kw.map(c.houseFlow),
    P_heating: r(house.heating_power_kw),
    P_cooling: r(house.cooling_power_kw),
  };
}

const units = (unit: ThermalUnit) =>
  unit === 'kWh' ? { energy: 'kWh', flow: 'kW', Q: 'Q' } : { energy: '°C', flow: '°C/15min', Q: 'T' };

/** The forecast's meta: the unit keys of the docs' example (including its `tank_activation_limits_unit`). */
export function forecastUnits(unit: ThermalUnit) {
  const { energy, flow, Q } = units(unit);
  return {
    tank_upperbound_Z_unit: energy,
    tank_lowerbound_X_unit: energy,
    tank_Y_avg_unit: energy,
    [`tank_${Q}_loss_unit`]: flow,
    [`tank_${Q}_gain_unit`]: flow,
    tank_P_if_activated_unit: 'kW',
    house_upperbound_Z_unit: energy,
    house_lowerbound_X_unit: energy,
    house_Y_avg_unit: energy,
    [`house_${Q}_natural_unit`]: flow,
    [`house_${Q}_heating_unit`]: flow,
    [`house_${Q}_cooling_unit`]: flow,
    house_P_heating_unit: 'kW',
    house_P_cooling_unit: 'kW',
    tank_activation_limits_unit: energy,
    tank_activation_limit_temp_unit: '°C',
  };
}

/**
 * The current state's meta units, as in the docs' example. That example (the older render) names the tank
 * power `tank_P_unit` from the days the field was `tank.P`; the newer render calls the field
 * `P_if_activated` and its example meta is not public, so both keys are sent: the documented
 * `tank_P_unit` and `tank_P_if_activated_unit`, the name the forecast's meta uses for the same field.
 */
export function currentStateUnits(unit: ThermalUnit) {
  const { energy, flow, Q } = units(unit);
  return {
    timestamp_time_zone: 'UTC',
    temperature_unit: '°C',
    tank_Y_unit: energy,
    [`tank_${Q}_loss_unit`]: flow,
    [`tank_${Q}_gain_unit`]: flow,
    tank_P_unit: 'kW',
    tank_P_if_activated_unit: 'kW',
    house_Y_unit: energy,
    [`house_${Q}_natural_unit`]: flow,
    [`house_${Q}_heating_unit`]: flow,
    [`house_${Q}_cooling_unit`]: flow,
    house_P_heating_unit: 'kW',
    house_P_cooling_unit: 'kW',
  };
}
