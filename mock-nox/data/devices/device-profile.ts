import { findBrand } from '../../domain/brands.ts';
import type { Device } from '../../store/schema.ts';
import { stableBetween, stableFraction } from '../shared/stable-random.ts';

/** The fixed characteristics of a device, derived from its id (NOX reads them from the manufacturer). */
export interface DeviceProfile {
  model: string;
  brandName: string;
  model_type: 'air-to-water' | 'air-to-air' | 'ground-to-water' | 'hybrid';
  has_delayed_power_data_1d: boolean;
  legionella_config: { frequency_per_weeks: number; capacity: number; duration_minutes: number };
  cycle_config: { max_cycles_per_day: number };
  /** Heat pump: DHW tank size; energy per °C of tank water is litres × 4.186 kJ / 3600. */
  tank_litres: number;
  /** Heat pump: kWh to raise the house by 1 °C. */
  house_kwh_per_degree: number;
  /** PV: peak production in kW. */
  capacity_kw: number;
}

const modelTypes = [
  'air-to-water',
  'air-to-water',
  'air-to-water',
  'ground-to-water',
  'hybrid',
  'air-to-air',
] as const;

export function profileOf(device: Device): DeviceProfile {
  const id = device.device_id;
  const pick = <T>(list: readonly T[], salt: string) =>
    list[Math.floor(stableFraction(id, salt) * list.length)] as T;
  return {
    model: `${device.brand}-${pick(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'model')}${device.asset_type === 'pv' ? '-inverter' : ''}`,
    brandName: findBrand(device.brand)?.name ?? device.brand,
    model_type: pick(modelTypes, 'type'),
    has_delayed_power_data_1d: stableFraction(id, 'delayed') < 0.2,
    legionella_config: {
      frequency_per_weeks: pick([1, 1, 2], 'legionella'),
      capacity: 20,
      duration_minutes: 60,
    },
    cycle_config: { max_cycles_per_day: pick([6, 8, 10], 'cycles') },
    tank_litres: pick([150, 200, 200, 300], 'tank'),
    house_kwh_per_degree: stableBetween(15, 35, 2, id, 'house'),
    capacity_kw: stableBetween(3, 10, 1, id, 'capacity'),
  };
}
