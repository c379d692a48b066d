import { formatDuration } from './format-duration.ts';
import type { RunPhase } from './run-result.ts';
import { showControlChars } from './show-control-chars.ts';

const starting: Record<RunPhase['what'], string> = {
  mock: 'starting the mock',
  app: 'starting your app',
  browser: 'launching Chromium',
};

const ready: Record<RunPhase['what'], string> = {
  mock: 'the mock is ready',
  app: 'your app is ready',
  browser: 'the browser is ready',
};

/**
 * A describer of start-up phases, as a line each: "starting your app: waiting for http://… (up to 20 s)",
 * then "your app is ready at http://… (1.2 s)", timed from its own starting phase.
 */
export function createPhaseDescriber(
  now: () => number = () => performance.now(),
): (phase: RunPhase) => string {
  const startedAt = new Map<RunPhase['what'], number>();
  return (phase) => {
    const detail = phase.detail === undefined ? undefined : showControlChars(phase.detail);
    if (phase.state === 'starting') {
      startedAt.set(phase.what, now());
      return detail ? `${starting[phase.what]}: ${detail}` : `${starting[phase.what]}…`;
    }
    const since = startedAt.get(phase.what);
    const took = since === undefined ? '' : ` (${formatDuration(now() - since)})`;
    // A mock the user named is not started: its detail says which one is used.
    if (phase.what === 'mock' && since === undefined && detail) return detail;
    const where = detail ? (/^https?:/.test(detail) ? ` at ${detail}` : `: ${detail}`) : '';
    return `${ready[phase.what]}${where}${took}`;
  };
}
