import type { Reporter, ReporterEvent, ReportFailure, RunResult } from './run-result.ts';

/** Exit code of a run whose scenarios passed but whose reports are incomplete (see docs/ci.md). */
export const REPORT_FAILED_EXIT_CODE = 3;

export interface ReporterMultiplexerOptions {
  /** Where a failing reporter is reported; stderr unless a test listens. */
  write?: (text: string) => void;
}

/** One reporter standing for many; `failures` lists every reporter that threw, in order. */
export interface ReporterMultiplexer extends Required<Omit<Reporter, 'name'>> {
  readonly failures: readonly ReportFailure[];
}

/**
 * Tells every reporter every event, in order (awaiting each onRunEnd, so the console's summary still comes
 * after the files it names). A reporter that throws is reported and skipped for that event only: one broken
 * report must not cost the others, nor end the run before the supplier app and browser are torn down.
 */
export function createReporterMultiplexer(
  reporters: readonly Reporter[],
  options: ReporterMultiplexerOptions = {},
): ReporterMultiplexer {
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const failures: ReportFailure[] = [];
  const failed = (reporter: Reporter, index: number, event: ReporterEvent, error: unknown) => {
    const failure = { reporter: reporter.name ?? `reporter ${index + 1}`, event, message: messageOf(error) };
    failures.push(failure);
    write(`[nox-testkit] the ${failure.reporter} reporter failed on ${event}: ${failure.message}\n`);
  };
  const each = (event: Exclude<ReporterEvent, 'onRunEnd'>, call: (r: Reporter) => void) =>
    reporters.forEach((r, i) => {
      try {
        call(r);
      } catch (error) {
        failed(r, i, event, error);
      }
    });
  return {
    failures,
    onPhase: (phase) => each('onPhase', (r) => r.onPhase?.(phase)),
    onRunStart: (info) => each('onRunStart', (r) => r.onRunStart?.(info)),
    onScenarioStart: (scenario) => each('onScenarioStart', (r) => r.onScenarioStart?.(scenario)),
    onScenarioEnd: (result) => each('onScenarioEnd', (r) => r.onScenarioEnd?.(result)),
    async onRunEnd(result, reportDir) {
      for (const [i, r] of reporters.entries()) {
        try {
          await r.onRunEnd(result, reportDir);
        } catch (error) {
          failed(r, i, 'onRunEnd', error);
        }
      }
      if (failures.length > 0) write(`[nox-testkit] ${incompleteReports(result, failures)}\n`);
    },
  };
}

/**
 * The run's result with its report failures. A supplier's failing verdict (exit 1) stands; a passing one
 * exits with REPORT_FAILED_EXIT_CODE, so CI notices the missing report instead of trusting a green run.
 */
export function withReportFailures(result: RunResult, failures: readonly ReportFailure[]): RunResult {
  if (failures.length === 0) return result;
  const exit_code = result.exit_code !== 0 ? result.exit_code : REPORT_FAILED_EXIT_CODE;
  return { ...result, exit_code, report_failures: [...failures] };
}

function incompleteReports(result: RunResult, failures: readonly ReportFailure[]): string {
  const which = [...new Set(failures.map((f) => f.reporter))].join(', ');
  const verdict =
    result.exit_code !== 0
      ? `the scenarios' verdict (exit code ${result.exit_code}) stands`
      : `the scenarios passed, but the run exits with ${REPORT_FAILED_EXIT_CODE} because a report is missing or incomplete`;
  return `Some reports may be incomplete (failed: ${which}); ${verdict}.`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
