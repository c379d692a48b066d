import type { MockContext } from '../../domain/mock-context.ts';
import { errors } from '../../errors/error-templates.ts';
import type { Device, ThermalSchedule } from '../../store/schema.ts';
import { formatSeconds, parseUtc, quarterStart } from '../shared/time-format.ts';

const QUARTER = 900;
const DAY = 86_400;

/**
 * When a submitted schedule starts: the next quarter-hour after now (submitted 10:07 → runs from 10:15),
 * or `start_time`, which NOX uses as-is only if it is a future exact quarter-hour.
 */
export function scheduleStart(startTime: string | null, now: number): number {
  if (startTime === null) return quarterStart(now) + QUARTER;
  const start = parseUtc(startTime, ['body', 'start_time']);
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

/** Modelled: schedules that ended this long ago are forgotten, to keep the store small. */
const SCHEDULE_MEMORY_SECONDS = 8 * DAY;

/**
 * Keeps the schedule next to the device's earlier ones: a newer schedule takes over only from its own
 * start (see `scheduleStretches`), so one sent for tomorrow leaves today's running and past forecasts keep
 * what NOX knew then. The supplier's schedules that ended more than 8 days ago are dropped.
 */
export function storeThermalSchedule(ctx: MockContext, schedule: ThermalSchedule): void {
  const forgetBefore = schedule.received_at - SCHEDULE_MEMORY_SECONDS;
  const forgotten = ctx.store
    .rows('thermal_schedules')
    .filter((s) => s.organisation_id === schedule.organisation_id && s.start + DAY < forgetBefore);
  ctx.store.remove('thermal_schedules', forgotten);
  ctx.store.data.thermal_schedules.push(schedule);
}

/** The part of a schedule that is in force: from its start until 24 h later or a newer schedule starts. */
export interface ScheduleStretch {
  schedule: ThermalSchedule;
  from: number;
  to: number;
}

/**
 * The stretches in which this device's schedules, as NOX knew them at `knownAt`, are in force, by time.
 * A schedule runs 24 h from its start unless a newer one (received later) starts first; it never comes
 * back after a newer one has started, even if that one ends sooner.
 */
export function scheduleStretches(ctx: MockContext, device: Device, knownAt: number): ScheduleStretch[] {
  const known = ctx.store.peek
    .thermalSchedulesOf(device.organisation_id, device.device_id)
    .filter((s) => s.received_at <= knownAt);
  const stretches: ScheduleStretch[] = [];
  let newerStart = Number.POSITIVE_INFINITY;
  for (let i = known.length - 1; i >= 0; i--) {
    const schedule = known[i] as ThermalSchedule;
    const to = Math.min(schedule.start + DAY, newerStart);
    if (to > schedule.start) stretches.push({ schedule, from: schedule.start, to });
    newerStart = Math.min(newerStart, schedule.start);
  }
  return stretches.sort((a, b) => a.from - b.from);
}
