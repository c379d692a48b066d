import type { Device } from '../../store/schema.ts';
import { profileOf } from '../devices/device-profile.ts';
import { clearness, clearSkyShare } from '../shared/series.ts';
import { stableFraction } from '../shared/stable-random.ts';
import type { ProductionShare } from './curtailment.ts';

const MINUTE = 60;

/**
 * kWh a PV device produces in the quarter-hour from `t`: capacity × clear-sky share × the day's clearness
 * × 0.25 h, with a little per-device noise, times the share its curtailment lets through, averaged over the
 * quarter's 15 minutes (schedules have 1-minute granularity).
 */
export function pvProductionKwh(device: Device, t: number, shareAt: ProductionShare): number {
  const mid = t + 7.5 * MINUTE;
  const sun = clearSkyShare(mid);
  if (sun === 0) return 0;
  const { capacity_kw } = profileOf(device);
  const noise = 0.92 + 0.08 * stableFraction('pv', device.device_id, t);
  let share = 0;
  for (let m = 0; m < 15; m++) share += shareAt(t + m * MINUTE) / 15;
  return capacity_kw * sun * clearness(mid) * 0.25 * noise * share;
}

/** The distinct brands of these devices written as in the flex logs' example: ["Sma", "Solis"]. */
export function brandFilter(devices: Device[]): string[] {
  const slugs = [...new Set(devices.map((d) => d.brand))].sort();
  return slugs.map((slug) => slug.charAt(0).toUpperCase() + slug.slice(1));
}
