/**
 * The exit code of a run that could not start what it runs on (the mock, the supplier app, the browser):
 * distinct from a failed scenario (1), a usage error (2) and a missing report or pact (3).
 */
export const INFRASTRUCTURE_EXIT_CODE = 4;

/** The HarnessError codes of the run's infrastructure (not of the user's config). */
export const infrastructureCodes = [
  'SUPPLIER_START_FAILED',
  'MOCK_UNREACHABLE',
  'BROWSER_NOT_FOUND',
] as const;

/** Whether an error is the run's infrastructure failing to start: exit INFRASTRUCTURE_EXIT_CODE, reports still written. */
export function isInfrastructureError(error: unknown): error is HarnessError {
  return error instanceof HarnessError && (infrastructureCodes as readonly string[]).includes(error.code);
}

/** The harness's failures, one class per cause, each with a stable code reporters group by. */
export class HarnessError extends Error {
  constructor(
    readonly code: 'CONFIG_INVALID' | 'SUPPLIER_START_FAILED' | 'MOCK_UNREACHABLE' | 'BROWSER_NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

/** A scenario's expectation was not met: what was expected, what happened, and the documented rule. */
export class ExpectationFailed extends Error {
  readonly code = 'EXPECTATION_FAILED';
  constructor(
    readonly expected: string,
    readonly actual: string,
    readonly rule: string,
    readonly docs?: string,
  ) {
    super(`Expected ${expected}, but ${actual}. Rule: ${rule}${docs ? ` (${docs})` : ''}`);
  }
}

/** Thrown inside a scenario to skip it with a reason (e.g. the adapter lacks a hook it needs). */
export class ScenarioSkipped extends Error {
  readonly code = 'SKIPPED';
  constructor(
    message: string,
    /** The hooks, paths or read-back fields whose absence skipped it (the summary counts what adding each runs). */
    readonly missing: string[] = [],
  ) {
    super(message);
  }
}

/**
 * One of the adapter's hooks threw: its name, where in the supplier's files (`file:line:col`, with a code
 * frame) and the page the browser was on.
 */
export class HookFailed extends Error {
  readonly code = 'HOOK_ERROR';
  constructor(
    readonly hook: string,
    message: string,
    readonly pageUrl: string,
    readonly location?: string,
    readonly codeFrame?: string,
  ) {
    super(message);
  }
}
