import { errors } from '../errors/error-templates.ts';
import type { Store } from '../store/open-store.ts';

/** The virtual clock stays between 1970 and the year 3000. */
const LATEST = 32503680000;

/** The real time source; injected so tests can pin it. */
export interface TimeSource {
  nowMs(): number;
}

export const systemTime: TimeSource = { nowMs: () => Date.now() };

export interface ClockReading {
  now: number;
  iso: string;
  offset_seconds: number;
}

/** The virtual clock: real time plus a global offset plus an organisation's own offset, in unix seconds. */
export interface VirtualClock {
  now(organisationId?: string): number;
  read(organisationId?: string): ClockReading;
  advance(seconds: number, organisationId?: string): ClockReading;
  set(unixSeconds: number, organisationId?: string): ClockReading;
}

export function createVirtualClock(store: Store, time: TimeSource): VirtualClock {
  // Reading the clock changes nothing: only a shift takes the organisation to change it.
  const organisation = (id: string | undefined, lookups = store.peek) =>
    id === undefined ? undefined : lookups.organisation(id);
  const offset = (id?: string) =>
    store.data.clock_offset_seconds + (organisation(id)?.clock_offset_seconds ?? 0);
  const now = (id?: string) => Math.floor(time.nowMs() / 1000) + offset(id);
  const read = (id?: string): ClockReading => ({
    now: now(id),
    iso: new Date(now(id) * 1000).toISOString().replace('.000Z', 'Z'),
    offset_seconds: offset(id),
  });
  const shift = (seconds: number, id?: string) => {
    const target = now(id) + seconds;
    if (!Number.isSafeInteger(target) || target < 0 || target > LATEST) throw errors.clockOutOfRange(target);
    const org = organisation(id, store.find);
    if (org) org.clock_offset_seconds += seconds;
    else store.data.clock_offset_seconds += seconds;
    return read(id);
  };
  return {
    now,
    read,
    advance: shift,
    set: (unixSeconds, id) => shift(unixSeconds - now(id), id),
  };
}
