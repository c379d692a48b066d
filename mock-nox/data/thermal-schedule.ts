import type { MockContext } from '../context.ts';
import { errors } from '../errors/error-templates.ts';
import type { ThermalSchedule } from '../store/db.ts';
import { formatSeconds, parseUtc, quarterStart } from './time-format.ts';

const QUARTER = 900;

/**
 * When a submitted schedule starts: the next quarter-hour after now (submitted 10:07 → runs from 10:15),
 * or `start_time`, which NOX uses as-is only if it is a future exact quarter-hour.
 */
export function scheduleStart(startTime: string | null, now: number): number {
  if (startTime === null) return quarterStart(now) + QUARTER;
  const start = parseUtc(startTime);
  if (start % QUARTER !== 0) {
    throw errors.invalid(
      ['body', 'start_time'],
      `start_time must be an exact quarter-hour (minutes 00, 15, 30 or 45, no seconds), got ${startTime}`,
    );
  }
  if (start <= now) {
    throw errors.invalid(
      ['body', 'start_time'],
      `start_time must be in the future (now is ${formatSeconds(now)} UTC); leave it out to start at the next quarter-hour`,
    );
  }
  return start;
}

/** Keeps the schedule, replacing the supplier's previous one for the same device. */
export function storeThermalSchedule(ctx: MockContext, schedule: ThermalSchedule): void {
  const data = ctx.store.data;
  data.thermal_schedules = data.thermal_schedules.filter(
    (s) => !(s.organisation_id === schedule.organisation_id && s.device_id === schedule.device_id),
  );
  data.thermal_schedules.push(schedule);
}
