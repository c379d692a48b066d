import type { MockContext } from '../context.ts';
import type { Device } from '../store/db.ts';

/**
 * The share of its production a PV device may deliver at `t` (1 = all, 0 = switched off): a schedule
 * window switches it off; the latest flex control in force caps it (a percentage of capacity, or kW off
 * a device of `capacityKw`).
 */
export function productionShare(ctx: MockContext, device: Device, t: number, capacityKw: number): number {
  const data = ctx.store.data;
  const mine = (r: { organisation_id: string }) => r.organisation_id === device.organisation_id;
  if (data.pv_schedules.some((s) => mine(s) && s.device_id === device.device_id && s.start <= t && t < s.end))
    return 0;
  const flex = data.pv_flex_controls
    .filter((c) => mine(c) && c.at <= t && (c.end === null || t < c.end))
    .at(-1);
  if (!flex) return 1;
  if (flex.target_percentage !== null) return Math.max(0, 1 - flex.target_percentage / 100);
  return Math.max(0, 1 - (flex.target_kw ?? 0) / capacityKw);
}

/** True while a schedule window or a flex control curtails the device. */
export function isCurtailed(ctx: MockContext, device: Device, t: number, capacityKw: number): boolean {
  return productionShare(ctx, device, t, capacityKw) < 1;
}
