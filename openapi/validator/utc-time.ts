/** The data API's times: ISO 8601 in UTC, with `Z`, `+00:00` or no zone (all read as UTC). */
export const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|\+00:?00)?$/;

/**
 * Unix seconds of a data API time, or NaN when it is not one or names no real instant (month 13,
 * 30 February, hour 24, second 60, a year before 100). The regex alone lets those through and
 * `Date.parse` rolls 2027-02-30 over into 2 March, so the fields must survive a round trip.
 */
export function utcSeconds(text: string): number {
  const match = UTC_TIME.exec(text);
  if (!match) return Number.NaN;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return same ? ms / 1000 : Number.NaN;
}

/** The `date-time-utc` format of the OpenAPI files: a data API time naming a real instant. */
export const isUtcTime = (text: string): boolean => Number.isFinite(utcSeconds(text));
