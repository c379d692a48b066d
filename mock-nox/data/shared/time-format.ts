import { utcSeconds } from '../../../openapi/validator/utc-time.ts';
import { errors } from '../../errors/error-templates.ts';

// The data API's several time formats, all UTC, from virtual unix seconds.
const QUARTER = 900;

/** The start of the quarter-hour that `unix` falls in. */
export function quarterStart(unix: number): number {
  return Math.floor(unix / QUARTER) * QUARTER;
}

/** The quarter-hour starts from `from` (included) to `to` (excluded). */
export function quarters(from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = quarterStart(from); t < to; t += QUARTER) out.push(t);
  return out;
}

const iso = (unix: number) => new Date(unix * 1000).toISOString();

/** "2025-04-30 08:15" (house consumption forecasts). */
export const formatMinutes = (unix: number) => iso(unix).slice(0, 16).replace('T', ' ');
/** "2025-01-15 12:15:00" (thermal control). */
export const formatSeconds = (unix: number) => iso(unix).slice(0, 19).replace('T', ' ');
/** "2026-04-17T09:27:09.000000+00:00" (settings updated_at, flex logs). */
export const formatMicros = (unix: number) => `${iso(unix).slice(0, 19)}.000000+00:00`;
/** "2025-05-01T07:45:00.000Z" (PV production forecast). */
export const formatMillis = (unix: number) => iso(unix);

/**
 * Reads a UTC time as the data API accepts it (with Z, +00:00 or no zone) into unix seconds. The request
 * validator has checked the format already; this 422 (at `loc`) is the second guard, so no NaN is stored.
 */
export function parseUtc(text: string, loc: (string | number)[]): number {
  const unix = utcSeconds(text);
  if (!Number.isFinite(unix)) {
    throw errors.invalid(
      loc,
      `${loc.slice(1).join('.')} must be a real UTC time in ISO 8601, e.g. 2025-01-15T10:00:00Z (got ${JSON.stringify(text)})`,
    );
  }
  return unix;
}
