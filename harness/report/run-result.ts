import type { JournalEntry } from '../../openapi/wire-types.ts';
import type { Flow, Severity } from '../scenario/define-scenario.ts';

/** One step of a scenario as the report shows it. */
export interface StepRecord {
  name: string;
  status: 'passed' | 'failed';
  duration_ms: number;
  /** A PNG of the browser after the step, relative to the report folder (screenshots/...). */
  screenshot?: string;
}

export interface ScenarioFailure {
  /** A stable code to group by: EXPECTATION_FAILED, HOOK_ERROR, SCENARIO_ERROR, TIMEOUT, SUPPLIER_START_FAILED. */
  code: string;
  message: string;
  expected?: string;
  actual?: string;
  rule?: string;
  docs?: string;
  /** The adapter's hook that threw, or was running when the scenario timed out. */
  hook?: string;
  /** Where in the supplier's files: `file:line:column` of the throw (or of the hook's definition, on a timeout). */
  location?: string;
  /** The lines around `location`, numbered, the line itself marked. */
  code_frame?: string;
  /** The page the browser was on when it failed. */
  page_url?: string;
}

export interface ScenarioResult {
  id: string;
  name: string;
  rule: string;
  docs?: string;
  severity: Severity;
  tags: string[];
  /** The flow the scenario exercises. */
  flow: Flow;
  /** not_run: the run was stopped (Ctrl-C) before it started; it says nothing of the supplier. */
  status: 'passed' | 'failed' | 'skipped' | 'not_run';
  /** Why it was skipped (or not run). */
  reason?: string;
  /** What the adapter lacks that skipped it (hooks, paths, read-back fields such as readBack.status). */
  missing?: string[];
  /** Checks the scenario left out because the adapter lacks what they read; it ran (and passed) without them. */
  not_checked?: NotChecked[];
  failure?: ScenarioFailure;
  duration_ms: number;
  attempts: number;
  /** Passed on a retry after failing before: counted as passed, shown as flaky. */
  flaky?: boolean;
  /** The attempts before the last one, oldest first, each with its own evidence; the top-level fields are the last. */
  previous_attempts?: AttemptRecord[];
  steps: StepRecord[];
  /** The supplier's calls to NOX during the scenario (its own customer's), as the mock's journal has them. */
  journal: JournalEntry[];
  /** The last attempt's Playwright trace, relative to the report folder (traces/<id>-attempt<n>.zip), when kept. */
  trace?: string;
  /** The command that opens `trace` in Playwright's viewer (`node …/playwright-core/cli.js show-trace …`). */
  show_trace?: string;
}

/** A check a scenario left out, and what the adapter lacks for it (e.g. readBack). */
export interface NotChecked {
  /** e.g. "that the supplier stored NOX user nox_u_1 and its devices for customer cust-1". */
  check: string;
  missing: string;
}

/** One earlier attempt of a retried scenario, with the evidence it left. */
export interface AttemptRecord {
  /** 1-based. */
  attempt: number;
  status: 'passed' | 'failed';
  failure?: ScenarioFailure;
  duration_ms: number;
  steps: StepRecord[];
  journal: JournalEntry[];
  /** This attempt's Playwright trace, relative to the report folder, when kept. */
  trace?: string;
  /** The command that opens `trace` in Playwright's viewer. */
  show_trace?: string;
}

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Not started because the run was stopped (Ctrl-C); summarise always sets it. */
  notRun?: number;
  /** Passed on a retry after failing (counted in passed too); summarise always sets it. */
  flaky?: number;
  requiredFailed: number;
  advisoryFailed: number;
}

export interface RunResult {
  supplier: string;
  started_at: string;
  duration_ms: number;
  strict: boolean;
  /** The part of the catalogue this run is, with --shard i/n. */
  shard?: Shard;
  scenarios: ScenarioResult[];
  counts: RunCounts;
  /** Non-zero when a required scenario failed (or an advisory one with --strict). */
  exit_code: number;
  /** Set when the run was stopped (Ctrl-C) before every scenario ran. */
  interrupted?: boolean;
  /** The flows (and NOX's webhooks) of which no selected scenario ran (every one skipped), with the skip reasons: never silent. */
  untested_flows?: UntestedFlow[];
  /** What to add to the adapter to test more: per missing hook, path or read-back field, what it would run. */
  untested?: AdapterAddition[];
  /**
   * What could not be started (the mock, the supplier app, the browser), so no scenario ran: exit code 4,
   * one errored test case in JUnit.
   */
  error?: RunError;
  /** Reporters that threw; set only after every reporter ran (so no report file shows it). */
  report_failures?: ReportFailure[];
}

/** The run's infrastructure failing to start: a HarnessError's code (SUPPLIER_START_FAILED…) and message. */
export interface RunError {
  code: string;
  message: string;
}

/**
 * A flow (or NOX's webhooks) none of whose scenarios ran, and why: the distinct reasons of the skips that are
 * not for what the adapter lacks (those are in `untested`), so often none.
 */
export interface UntestedFlow {
  flow: Flow | 'webhooks';
  reasons: string[];
}

/** Hooks, paths or read-back fields to add together, and what adding them would test. */
export interface AdapterAddition {
  /** e.g. ["readBack"], ["oauthLoginPath", "logInOnOAuthPage"], ["readBack.status"]. */
  add: string[];
  /** The ids of the skipped scenarios that would then run. */
  scenarios: string[];
  /** The ids of scenarios that ran but left checks out for want of it (see their not_checked). */
  checks_in: string[];
}

/** The i-th (1-based) of n shares of the catalogue, as --shard i/n names it. */
export interface Shard {
  index: number;
  count: number;
}

/** Counts and exit code of a list of results. */
export function summarise(
  scenarios: ScenarioResult[],
  strict: boolean,
): { counts: RunCounts; exit_code: number } {
  const failed = scenarios.filter((s) => s.status === 'failed');
  const counts = {
    passed: scenarios.filter((s) => s.status === 'passed').length,
    failed: failed.length,
    skipped: scenarios.filter((s) => s.status === 'skipped').length,
    notRun: scenarios.filter((s) => s.status === 'not_run').length,
    flaky: scenarios.filter((s) => s.status === 'passed' && s.flaky).length,
    requiredFailed: failed.filter((s) => s.severity === 'required').length,
    advisoryFailed: failed.filter((s) => s.severity === 'advisory').length,
  };
  const exit_code = counts.requiredFailed > 0 || (strict && counts.advisoryFailed > 0) ? 1 : 0;
  return { counts, exit_code };
}

/** The events a reporter is told about. */
export type ReporterEvent = 'onPhase' | 'onRunStart' | 'onScenarioStart' | 'onScenarioEnd' | 'onRunEnd';

/** Something slow that is starting or ready before the scenarios run: the mock, the supplier's app, the browser. */
export interface RunPhase {
  what: 'mock' | 'app' | 'browser';
  state: 'starting' | 'ready';
  /** e.g. "waiting for http://localhost:3000/health (up to 30 s)" or the mock's URL. */
  detail?: string;
}

/** A reporter that threw: which one, on which event, and why. */
export interface ReportFailure {
  reporter: string;
  event: ReporterEvent;
  message: string;
}

/** What a reporter gets told while a run goes on, and at its end. */
export interface Reporter {
  /** Names the reporter when it fails, e.g. "html"; reporters without one are numbered. */
  readonly name?: string;
  onPhase?(phase: RunPhase): void;
  onRunStart?(info: { supplier: string; total: number; workers: number; shard?: Shard }): void;
  onScenarioStart?(scenario: { id: string; name: string }): void;
  onScenarioEnd?(result: ScenarioResult): void;
  onRunEnd(result: RunResult, reportDir: string): Promise<void> | void;
}
