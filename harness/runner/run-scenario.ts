import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { JournalEntry, Organisation } from '../../openapi/wire-types.ts';
import type { RunSettings, SupplierAdapter } from '../config/define-config.ts';
import { ExpectationFailed, HookFailed, ScenarioSkipped } from '../errors.ts';
import type {
  AttemptRecord,
  NotChecked,
  ScenarioFailure,
  ScenarioResult,
  StepRecord,
} from '../report/run-result.ts';
import type { ManufacturerOrgs } from '../scenario/actors/manufacturer-orgs.ts';
import { lackedNeeds, missingNeeds } from '../scenario/adapter-needs.ts';
import { createScenarioContext } from '../scenario/create-context.ts';
import type { Scenario } from '../scenario/define-scenario.ts';
import { type HookTracker, hookDefinition } from '../scenario/hook-failure.ts';
import type { MockClient } from './mock-client.ts';
import { showTraceCommand } from './show-trace-command.ts';

export interface ScenarioEnv {
  browser: Browser;
  adapter: SupplierAdapter;
  supplierUrl: string;
  mock: MockClient;
  organisationId: string;
  /** The run's organisation as created: flow-2 actors read its oauth_login_url and webhook_url. */
  organisation: Organisation;
  /** The run's manufacturers (one per brand) and their app's redirect_url. */
  manufacturers: ManufacturerOrgs;
  manufacturerCallbackUrl: string;
  /** NOX's origin as the supplier's app was given it (NOX_AUTH_URL); default the mock's URL. */
  noxUrl?: string;
  reportDir: string;
  /** The config file the hooks are in: a hook that never returns is located by its definition there. */
  configFile?: string;
  timeoutMs: number;
  retries: number;
  /** Runs before each attempt, e.g. resetting the organisation for an exclusive scenario. */
  beforeAttempt?: () => Promise<void>;
  /** A Playwright trace of every attempt, of failed ones (the default), or none. */
  trace?: NonNullable<RunSettings['trace']>;
  /** No scenario timeout, and Playwright's inspector paused where a hook fails (a headed run). */
  debug?: boolean;
}

/** Runs one scenario (again up to `retries` times while it fails) in a fresh browser context. */
export async function runScenario(scenario: Scenario, env: ScenarioEnv): Promise<ScenarioResult> {
  const base = {
    id: scenario.id,
    name: scenario.name,
    rule: scenario.rule,
    docs: scenario.docs,
    severity: scenario.severity,
    tags: scenario.tags,
    flow: scenario.flow ?? 'supplier-app',
  };
  const reason = missingNeeds(scenario.needs ?? [], env.adapter, env.organisation);
  if (reason) {
    const missing = lackedNeeds(scenario.needs ?? [], env.adapter);
    return {
      ...base,
      status: 'skipped',
      reason,
      ...(missing.length > 0 ? { missing } : {}),
      duration_ms: 0,
      attempts: 0,
      steps: [],
      journal: [],
    };
  }
  const earlier: AttemptRecord[] = [];
  for (let attempt = 1; ; attempt++) {
    const outcome = await attempt_(scenario, env, attempt);
    if (outcome.status !== 'failed' || attempt > env.retries) {
      const flaky = outcome.status === 'passed' && earlier.length > 0;
      return {
        ...base,
        ...outcome,
        attempts: attempt,
        ...(flaky ? { flaky } : {}),
        ...(earlier.length > 0 ? { previous_attempts: earlier } : {}),
      };
    }
    const { failure, duration_ms, journal, trace } = outcome;
    const steps = keepScreenshots(outcome.steps, attempt, env.reportDir);
    earlier.push({
      attempt,
      status: 'failed',
      failure,
      duration_ms,
      steps,
      journal,
      ...(trace ? { trace } : {}),
    });
  }
}

type AttemptOutcome = Omit<
  ScenarioResult,
  'id' | 'name' | 'rule' | 'docs' | 'severity' | 'tags' | 'flow' | 'attempts'
>;

/**
 * The next attempt writes its screenshots under the same names (scenario id and step number): an earlier
 * attempt's are moved aside to `<id>-attempt<n>-<step>.jpg` first, so the report shows every attempt's own.
 */
function keepScreenshots(steps: StepRecord[], attempt: number, reportDir: string): StepRecord[] {
  // Steps after which the page did not change share the earlier step's screenshot: it moves once.
  const moved = new Map<string, string>();
  return steps.map((step) => {
    if (!step.screenshot) return step;
    const kept = step.screenshot.replace(/-(\d+)(\.\w+)$/, `-attempt${attempt}-$1$2`);
    try {
      if (moved.get(step.screenshot) !== kept)
        renameSync(join(reportDir, step.screenshot), join(reportDir, kept));
      moved.set(step.screenshot, kept);
      return { ...step, screenshot: kept };
    } catch {
      return { name: step.name, status: step.status, duration_ms: step.duration_ms };
    }
  });
}

async function attempt_(scenario: Scenario, env: ScenarioEnv, attempt: number): Promise<AttemptOutcome> {
  const started = performance.now();
  const steps: StepRecord[] = [];
  const notChecked: NotChecked[] = [];
  let outcome: Pick<ScenarioResult, 'status' | 'reason' | 'missing' | 'failure'> = { status: 'passed' };
  let journal: JournalEntry[] = [];
  let context: BrowserContext | undefined;
  let url = 'no page yet';
  const hookTracker: HookTracker = {};
  const tracing = (env.trace ?? 'retain-on-failure') !== 'off';
  let trace: string | undefined;
  try {
    await env.beforeAttempt?.();
    const journalStart = (await env.mock.journal(env.organisationId)).at(-1)?.id ?? 0;
    context = await env.browser.newContext({ viewport: { width: 1000, height: 760 } });
    // Recorded for every attempt (a pass is known only at its end); retain-on-failure drops a passing one.
    // DOM snapshots per action, no screencast: the steps have screenshots already, and a screencast's
    // frames cost every passing attempt CPU in Chromium.
    if (tracing) await context.tracing.start({ screenshots: false, snapshots: true, sources: true });
    const page = await context.newPage();
    page.setDefaultTimeout(env.debug ? 0 : 8000);
    const { adapter, supplierUrl, mock, organisationId, reportDir } = env;
    const t = createScenarioContext({
      scenario,
      page,
      adapter,
      supplierUrl,
      mock,
      organisationId,
      organisation: env.organisation,
      manufacturers: env.manufacturers,
      manufacturerCallbackUrl: env.manufacturerCallbackUrl,
      ...(env.noxUrl ? { noxUrl: env.noxUrl } : {}),
      journalStart,
      reportDir,
      steps,
      notChecked,
      hookTracker,
      traced: tracing,
    });
    // --debug: the inspector opens on the page as the failing hook left it; Resume goes on to report it.
    if (env.debug) hookTracker.onFailure = () => page.pause();
    try {
      await (env.debug ? scenario.run(t) : withTimeout(scenario.run(t), env.timeoutMs));
    } finally {
      url = page.url();
      journal = (await t.journal().catch(() => [])).map(redactKeys);
    }
  } catch (error) {
    outcome =
      error instanceof ScenarioSkipped
        ? {
            status: 'skipped',
            reason: error.message,
            ...(error.missing.length > 0 ? { missing: error.missing } : {}),
          }
        : { status: 'failed', failure: toFailure(error, url, hookTracker, env.configFile) };
  } finally {
    if (context && tracing)
      trace = await stopTracing(context, keepTrace(env, outcome.status), scenario.id, attempt, env.reportDir);
    await context?.close().catch(() => undefined);
  }
  // What a passed attempt left out; a skipped or failed one's report says why it stopped instead.
  const unchecked = outcome.status === 'passed' && notChecked.length > 0 ? { not_checked: notChecked } : {};
  return {
    ...outcome,
    ...unchecked,
    steps,
    journal,
    duration_ms: Math.round(performance.now() - started),
    ...(trace ? { trace, show_trace: showTraceCommand(join(env.reportDir, trace)) } : {}),
  };
}

function keepTrace(env: ScenarioEnv, status: ScenarioResult['status']): boolean {
  return env.trace === 'on' || status === 'failed';
}

/**
 * Ends the attempt's trace: written to `traces/<id>-attempt<n>.zip` (relative to the report folder, as
 * returned) when kept, else dropped. A trace that cannot be written loses the trace, never the result.
 */
async function stopTracing(
  context: BrowserContext,
  keep: boolean,
  id: string,
  attempt: number,
  reportDir: string,
): Promise<string | undefined> {
  if (!keep) {
    await context.tracing.stop().catch(() => undefined);
    return undefined;
  }
  const file = join('traces', `${id}-attempt${attempt}.zip`);
  try {
    mkdirSync(join(reportDir, 'traces'), { recursive: true });
    await context.tracing.stop({ path: join(reportDir, file) });
    return file;
  } catch {
    return undefined;
  }
}

/** Reports (and pacts) are shared: API keys in the recorded headers are shortened to a recognisable ASCII prefix. */
function redactKeys(entry: JournalEntry): JournalEntry {
  const headers = { ...entry.request.headers };
  for (const name of ['x-api-key', 'authorization']) {
    const value = headers[name];
    if (value) headers[name] = `${value.slice(0, Math.min(8, Math.floor(value.length / 2)))}...(redacted)`;
  }
  return { ...entry, request: { ...entry.request, headers } };
}

class ScenarioTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ScenarioTimeout(`The scenario did not finish within ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function toFailure(
  error: unknown,
  url: string,
  hooks: HookTracker,
  configFile: string | undefined,
): ScenarioFailure {
  if (error instanceof ExpectationFailed) {
    const { code, message, expected, actual, rule, docs } = error;
    return { code, message, expected, actual, rule, docs };
  }
  if (error instanceof HookFailed) {
    const { code, message, hook, location, codeFrame } = error;
    return { code, message, hook, location, code_frame: codeFrame, page_url: error.pageUrl };
  }
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error);
  const hook = hooks.running;
  if (error instanceof ScenarioTimeout && hook) {
    // A hook that never returned left no stack: it is located by its definition in the config file.
    const defined = hookDefinition(configFile, hook);
    const where = defined ? ` (defined at ${defined.location})` : '';
    return {
      code: 'TIMEOUT',
      message: `${message}: the ${hook} hook${where} had not returned (the browser was on ${url})`,
      hook,
      page_url: url,
      ...(defined ? { location: defined.location, code_frame: defined.codeFrame } : {}),
    };
  }
  const code = error instanceof ScenarioTimeout ? 'TIMEOUT' : 'SCENARIO_ERROR';
  return { code, message: `${message} (the browser was on ${url})`, page_url: url };
}
