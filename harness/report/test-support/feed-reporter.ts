import type { Reporter, RunResult, Shard } from '../run-result.ts';

/** Feeds a whole run to a reporter: the phases, the start, each scenario's start and end, the end. */
export function feed(reporter: Reporter, result: RunResult, shard?: Shard) {
  reporter.onPhase?.({ what: 'mock', state: 'starting' });
  reporter.onPhase?.({ what: 'mock', state: 'ready', detail: 'http://127.0.0.1:4400' });
  reporter.onPhase?.({
    what: 'app',
    state: 'starting',
    detail: 'waiting for http://127.0.0.1:3000/health (up to 20 s)',
  });
  reporter.onPhase?.({ what: 'app', state: 'ready', detail: 'http://127.0.0.1:3000' });
  reporter.onPhase?.({ what: 'browser', state: 'starting' });
  reporter.onPhase?.({ what: 'browser', state: 'ready', detail: 'Chromium 140.0' });
  reporter.onRunStart?.({ supplier: result.supplier, total: result.scenarios.length, workers: 2, shard });
  for (const scenario of result.scenarios) {
    reporter.onScenarioStart?.(scenario);
    reporter.onScenarioEnd?.(scenario);
  }
  reporter.onRunEnd(result, '.nox-testkit/report');
}
