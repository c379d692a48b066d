// When NOX generated the house consumption forecasts of the past: every day at 09:45 Europe/Brussels
// (CET/CEST, documented), each covering 72 h from 00:00 Brussels of the next day (modelled). A house has
// forecasts only from the first generation after it was linked (modelled: NOX cannot forecast a house it
// does not know yet), which also bounds the history to the mock's own lifetime.
const DAY = 86_400;
const QUARTER = 900;
export const FORECAST_QUARTERS = 288;

// Made on first use: building it loads the time-zone data, which a start that serves no forecast skips.
let brussels: Intl.DateTimeFormat | undefined;
const brusselsFormat = () =>
  (brussels ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }));

/** Seconds Brussels is ahead of UTC at `unix`: 3600 in winter, 7200 in summer. */
function offsetAt(unix: number): number {
  const p: Record<string, number> = {};
  for (const part of brusselsFormat().formatToParts(new Date(unix * 1000))) p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second) / 1000 - unix;
}

/** The Brussels calendar day of an instant, as days since 1970-01-01. */
const brusselsDay = (unix: number) => Math.floor((unix + offsetAt(unix)) / DAY);

/** The UTC instant of hh:mm on Brussels day `day` (no DST change happens at 00:00 or 09:45). */
function brusselsTime(day: number, hour: number, minute: number): number {
  const wall = day * DAY + hour * 3600 + minute * 60;
  return wall - offsetAt(wall - offsetAt(wall));
}

const generationOn = (day: number) => brusselsTime(day, 9, 45);
const midnightOf = (day: number) => brusselsTime(day, 0, 0);

/** A forecast quarter-hour and the generation it comes from. */
export interface Slot {
  t: number;
  generation: number;
}

/** The first generation at or after `linkedAt`. */
function firstGenerationDay(linkedAt: number): number {
  const day = brusselsDay(linkedAt);
  return generationOn(day) >= linkedAt ? day : day + 1;
}

/**
 * forecast_generation_timestamp=false: the forecast times in [start, end), each from the latest generation
 * before its Brussels day (09:45 the day before); only past quarter-hours, since the coming 72 h are the
 * live forecast's (today's past quarter-hours are included).
 */
export function slotsByForecastTime(start: number, end: number, now: number, linkedAt: number): Slot[] {
  if (!Number.isFinite(linkedAt)) return [];
  const from = Math.max(Math.ceil(start / QUARTER) * QUARTER, midnightOf(firstGenerationDay(linkedAt) + 1));
  const to = Math.min(end, Math.floor(now / QUARTER) * QUARTER);
  const slots: Slot[] = [];
  for (let day = brusselsDay(from); from < to && midnightOf(day) < to; day++) {
    const generation = generationOn(day - 1);
    const dayEnd = Math.min(to, midnightOf(day + 1));
    for (let t = Math.max(from, midnightOf(day)); t < dayEnd; t += QUARTER) slots.push({ t, generation });
  }
  return slots;
}

/**
 * forecast_generation_timestamp=true: the generations in [start, end) that have happened by `now`, each with
 * its whole 72 h forecast from 00:00 Brussels of the next day.
 */
export function slotsByGeneration(start: number, end: number, now: number, linkedAt: number): Slot[] {
  if (!Number.isFinite(linkedAt)) return [];
  const slots: Slot[] = [];
  const last = brusselsDay(Math.min(end, now));
  for (let day = Math.max(firstGenerationDay(linkedAt), brusselsDay(start)); day <= last; day++) {
    const generation = generationOn(day);
    if (generation < start || generation >= end || generation > now) continue;
    const first = midnightOf(day + 1);
    for (let i = 0; i < FORECAST_QUARTERS; i++) slots.push({ t: first + i * QUARTER, generation });
  }
  return slots;
}
