import type { MockContext } from '../../domain/mock-context.ts';
import type { Device } from '../../store/schema.ts';

/** The share of its production a PV device may deliver at a moment (1 = all, 0 = switched off). */
export type ProductionShare = (t: number) => number;

/**
 * The curtailment of one PV device over [from, to), with its schedule windows and its supplier's flex
 * controls looked up once: a schedule window switches it off; the latest flex control caps it (a
 * percentage of capacity, or kW off a device of `capacityKw`) until its end_time. A newer control
 * ends an older one, even an indefinite one ("until the next request"), and the older one does not come
 * back when the newer one ends.
 */
export function createProductionShare(
  ctx: MockContext,
  device: Device,
  from: number,
  to: number,
  capacityKw: number,
): ProductionShare {
  const { peek } = ctx.store;
  const windows = peek
    .pvSchedulesOf(device.organisation_id, device.device_id)
    .filter((s) => s.start < to && from < s.end);
  const controls = peek.pvFlexControlsOf(device.organisation_id).filter((c) => c.at < to);
  return (t) => {
    if (windows.some((s) => s.start <= t && t < s.end)) return 0;
    const latest = controls.filter((c) => c.at <= t).at(-1);
    if (!latest || (latest.end !== null && t >= latest.end)) return 1;
    if (latest.target_percentage !== null) return Math.max(0, 1 - latest.target_percentage / 100);
    return Math.max(0, 1 - (latest.target_kw ?? 0) / capacityKw);
  };
}

/** True while a schedule window or a flex control curtails the device at `t`. */
export function isCurtailed(ctx: MockContext, device: Device, t: number, capacityKw: number): boolean {
  return createProductionShare(ctx, device, t, t + 1, capacityKw)(t) < 1;
}
