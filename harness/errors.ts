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
