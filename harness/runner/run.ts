import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../browser/launch-browser.ts';
import type { NoxTestkitConfig, RunSettings } from '../config/define-config.ts';
import { HarnessError, INFRASTRUCTURE_EXIT_CODE, isInfrastructureError } from '../errors.ts';
import { adapterAdditions } from '../report/adapter-additions.ts';
import { createReporterMultiplexer, withReportFailures } from '../report/reporter-multiplexer.ts';
import {
  type Reporter,
  type RunError,
  type RunPhase,
  type RunResult,
  type ScenarioResult,
  summarise,
} from '../report/run-result.ts';
import { untestedFlows } from '../report/untested-flows.ts';
import { createManufacturerOrgs } from '../scenario/actors/manufacturer-orgs.ts';
import type { Scenario } from '../scenario/define-scenario.ts';
import { startManufacturerApp } from './manufacturer-app.ts';
import { createMockClient, type MockClient } from './mock-client.ts';
import { runScenario, type ScenarioEnv } from './run-scenario.ts';
import { freePort, startSupplier } from './supplier-process.ts';

/**
 * A mock that is already running (`external` when the user named it), or a start function for one that
 * lives as long as the run: the run says it is starting, and stops it at the end.
 */
export type MockSource =
  | { url: string; external: boolean }
  | { start: () => Promise<{ url: string; stop: () => Promise<void> }> };

export interface RunInput {
  config: NoxTestkitConfig;
  /** The config file's folder: the supplier's command runs there. */
  configDir: string;
  /** The config file itself (absolute): a hook that times out is located in it. */
  configFile?: string;
  settings: RunSettings;
  scenarios: Scenario[];
  reporters: Reporter[];
  /** The mock NOX to run against (the harness reaches it only over HTTP), or how to start one for the run. */
  mock: MockSource;
  /** Aborted on Ctrl-C: no new scenario starts, and everything is torn down. */
  signal?: AbortSignal;
}

/**
 * A whole run against a mock NOX reached over HTTP: a fresh organisation, the supplier app with
 * that organisation's key, one browser, then the scenarios in parallel lanes. The exclusive ones run one
 * at a time per lane, each after a reset of its lane's organisation: in up to half the lanes, each against
 * an organisation and app of its own, when the run starts the app; else alone after the rest. Everything
 * is torn down however it ends.
 */
export async function run(input: RunInput): Promise<RunResult> {
  const { config, settings, scenarios } = input;
  const reporters = createReporterMultiplexer(input.reporters);
  const started = new Date();
  const reportDir = resolve(settings.reportDir);
  clearReportDir(reportDir);
  const teardown: (() => Promise<unknown>)[] = [];
  const results: ScenarioResult[] = [];
  let startError: RunError | undefined;
  // Chromium starts while the mock and the app do (it needs neither until the first scenario); the
  // reporters hear of it after the app, as before.
  // (async: a Chromium that cannot be found is the run's BROWSER_NOT_FOUND, not a throw from here)
  const launching = (async () => launchBrowser({ headed: settings.headed || settings.debug }))();
  launching.catch(() => undefined);
  teardown.push(async () => (await launching).close());
  try {
    const { url: mockUrl, external } = await reachMock(input.mock, reporters.onPhase, teardown);
    const mock = createMockClient(mockUrl);
    await mock.health();
    // Before the supplier's port is chosen: listening on port 0 between freePort() and the app's own listen
    // could be given that very port (a CI run failed so, the app unable to start).
    const manufacturerApp = await startManufacturerApp();
    teardown.push(manufacturerApp.stop);
    const shared = scenarios.filter((s) => !s.exclusive);
    const alone = scenarios.filter((s) => s.exclusive);
    // Exclusive scenarios change organisation-wide state (clock, policies, faults). With an app the run
    // starts itself they get lanes with an organisation and an instance of the app of their own (up to half
    // the lanes: alone, their chain was the run's longest), beside the others instead of one by one after them.
    const ownLanes =
      config.supplier.start && shared.length > 0
        ? Math.min(alone.length, Math.floor(settings.workers / 2))
        : 0;
    // Every port before any app starts, for the same reason as above.
    const ports = await freePorts(1 + ownLanes);
    const app = (port: number, onPhase: (phase: RunPhase) => void) =>
      startApp({ input, mock, mockUrl, external, port, onPhase, teardown });
    const [main, ...apart] = await Promise.all(
      ports.map((port, i) => app(port, i === 0 ? reporters.onPhase : () => undefined)),
    );
    if (!main) throw new Error('no supplier app was started');
    const browser = await openBrowser(launching, reporters.onPhase);
    reporters.onRunStart({
      supplier: config.supplier.name,
      total: scenarios.length,
      workers: settings.workers,
      ...(settings.shard ? { shard: settings.shard } : {}),
    });
    const env: ScenarioEnv = {
      browser,
      adapter: config.supplier,
      ...main,
      mock,
      manufacturers: createManufacturerOrgs(mock, manufacturerApp.callbackUrl),
      manufacturerCallbackUrl: manufacturerApp.callbackUrl,
      reportDir,
      configFile: input.configFile,
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      trace: settings.trace ?? 'retain-on-failure',
      debug: settings.debug ?? false,
    };
    const sharedQueue: Queue = { items: shared, env };
    // Each exclusive lane drains the same list, against its own organisation (reset before each attempt).
    const aloneQueue = (own: StartedApp): Queue => ({
      items: alone,
      env: { ...env, ...own, beforeAttempt: () => mock.reset(own.organisationId) },
    });
    const runOne = async (s: Scenario, scenarioEnv: ScenarioEnv) => {
      reporters.onScenarioStart({ id: s.id, name: s.name });
      const result = await runScenario(s, scenarioEnv);
      results.push(result);
      reporters.onScenarioEnd(result);
    };
    const lane = (order: Queue[]) => drain(order, input.signal, runOne);
    if (apart.length > 0) {
      // The exclusive lanes take the exclusive scenarios first (the longest chain), then help with the rest.
      const others = Array.from({ length: settings.workers - apart.length }, () => lane([sharedQueue]));
      await Promise.all([...apart.map((own) => lane([aloneQueue(own), sharedQueue])), ...others]);
    } else {
      await Promise.all(Array.from({ length: Math.max(1, settings.workers) }, () => lane([sharedQueue])));
      await lane([aloneQueue(main)]);
    }
  } catch (error) {
    // The app, the mock or the browser could not start: the reports are still written, saying so.
    if (!isInfrastructureError(error)) throw error;
    startError = { code: error.code, message: error.message };
  } finally {
    for (const step of teardown.reverse()) await step().catch(() => undefined);
  }
  if (startError) {
    const failed = erroredRun(config.supplier.name, started, settings, startError);
    await reporters.onRunEnd(failed, reportDir);
    return withReportFailures(failed, reporters.failures);
  }
  const ran = new Map(results.map((r) => [r.id, r]));
  const all = scenarios.map((s) => ran.get(s.id) ?? notRun(s));
  const untested = untestedFlows(all);
  const additions = adapterAdditions(all);
  const result: RunResult = {
    supplier: config.supplier.name,
    started_at: started.toISOString(),
    duration_ms: Date.now() - started.getTime(),
    strict: settings.strict,
    ...(settings.shard ? { shard: settings.shard } : {}),
    scenarios: all,
    ...summarise(all, settings.strict),
    ...(untested.length > 0 ? { untested_flows: untested } : {}),
    ...(additions.length > 0 ? { untested: additions } : {}),
    ...(input.signal?.aborted ? { interrupted: true } : {}),
  };
  await reporters.onRunEnd(result, reportDir);
  return withReportFailures(result, reporters.failures);
}

/** A run that never reached its scenarios: none listed, the error instead, exit INFRASTRUCTURE_EXIT_CODE. */
function erroredRun(supplier: string, started: Date, settings: RunSettings, error: RunError): RunResult {
  return {
    supplier,
    started_at: started.toISOString(),
    duration_ms: Date.now() - started.getTime(),
    strict: settings.strict,
    ...(settings.shard ? { shard: settings.shard } : {}),
    scenarios: [],
    ...summarise([], settings.strict),
    exit_code: INFRASTRUCTURE_EXIT_CODE,
    error,
  };
}

interface AppInput {
  input: RunInput;
  mock: MockClient;
  mockUrl: string;
  external: boolean;
  port: number;
  onPhase: (phase: RunPhase) => void;
  teardown: (() => Promise<unknown>)[];
}

type StartedApp = Pick<ScenarioEnv, 'supplierUrl' | 'organisationId' | 'organisation' | 'noxUrl'>;

/** A fresh organisation (or the running app's) and the supplier app started with its key on `port`. */
async function startApp(options: AppInput): Promise<StartedApp> {
  const { input, mock, mockUrl, external, port } = options;
  const { config } = input;
  const supplierOrigin = `http://127.0.0.1:${port}`;
  const { oauthLoginPath, webhookPath } = config.supplier;
  const org = config.supplier.url
    ? await organisationOfRunningApp(mock, config.supplier.apiKey, external)
    : await mock.createOrganisation({
        kind: 'supplier',
        name: config.supplier.name,
        redirect_urls: config.supplier.redirectUrls ?? [
          supplierOrigin,
          supplierOrigin.replace('127.0.0.1', 'localhost'),
        ],
        // Flow 2: NOX's selector sends the user to this page; NOX posts webhooks to this receiver.
        ...(oauthLoginPath ? { oauth_login_url: `${supplierOrigin}${oauthLoginPath}` } : {}),
        ...(webhookPath ? { webhook_url: `${supplierOrigin}${webhookPath}` } : {}),
      });
  const names = {
    authUrl: 'NOX_AUTH_URL',
    apiUrl: 'NOX_API_URL',
    apiKey: 'NOX_API_KEY',
    port: 'PORT',
    ...config.supplier.env,
  };
  // The app reaches NOX on another site than its own (localhost vs 127.0.0.1), as auth.nox.energy is
  // another site than your-app.com: a session cookie that would be dropped on NOX's redirect back
  // (SameSite=Strict) fails here as it would in production.
  const noxUrl = crossSite(mockUrl);
  const supplier = await startSupplier(
    config.supplier,
    input.configDir,
    port,
    {
      [names.authUrl]: noxUrl,
      [names.apiUrl]: noxUrl,
      [names.apiKey]: org.api_key,
      [names.port]: String(port),
    },
    options.onPhase,
  );
  options.teardown.push(supplier.stop);
  return { supplierUrl: supplier.url, organisationId: org.id, organisation: org, noxUrl };
}

/** `n` different free ports. */
async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** A scenario the run was stopped before (Ctrl-C or SIGTERM): not run, with the reason, so every report names it. */
function notRun(s: Scenario): ScenarioResult {
  const { id, name, rule, docs, severity, tags } = s;
  const reason = 'the run was stopped before this scenario started';
  return {
    id,
    name,
    rule,
    docs,
    severity,
    tags,
    flow: s.flow ?? 'supplier-app',
    status: 'not_run',
    reason,
    duration_ms: 0,
    attempts: 0,
    steps: [],
    journal: [],
  };
}

/** The running mock's URL; one the run starts is stopped with the rest of the teardown. */
async function reachMock(
  source: MockSource,
  onPhase: (phase: RunPhase) => void,
  teardown: (() => Promise<unknown>)[],
): Promise<{ url: string; external: boolean }> {
  if ('url' in source) {
    onPhase({ what: 'mock', state: 'ready', detail: `using the mock at ${source.url}` });
    return source;
  }
  onPhase({ what: 'mock', state: 'starting' });
  const mock = await source.start();
  teardown.push(mock.stop);
  onPhase({ what: 'mock', state: 'ready', detail: mock.url });
  return { url: mock.url, external: false };
}

/** Only what a run writes goes: a --report-dir pointing at a folder with other files keeps them. */
function clearReportDir(dir: string): void {
  for (const name of ['index.html', 'junit.xml', 'results.json', 'screenshots', 'traces']) {
    rmSync(join(dir, name), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

function crossSite(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '127.0.0.1') parsed.hostname = 'localhost';
  return parsed.origin;
}

/** A running app already has its key at a running mock: the run uses that key's organisation. */
async function organisationOfRunningApp(mock: MockClient, apiKey: string | undefined, mockGiven: boolean) {
  if (!mockGiven || !apiKey) {
    throw new HarnessError(
      'CONFIG_INVALID',
      'supplier.url names an app that is already running, so it must already point at a running mock: give mock.url (or --mock-url) and supplier.apiKey, the key the app uses there.',
    );
  }
  const org = (await mock.organisations()).find((o) => o.api_key === apiKey);
  if (!org)
    throw new HarnessError(
      'CONFIG_INVALID',
      `No organisation at the mock ${mock.baseUrl} has the key in supplier.apiKey.`,
    );
  return org;
}

/** The browser launched at the start of the run, reported as it is waited for. */
async function openBrowser(
  launching: Promise<Browser>,
  onPhase: (phase: RunPhase) => void,
): Promise<Browser> {
  let browser: Browser;
  onPhase({ what: 'browser', state: 'starting' });
  try {
    browser = await launching;
  } catch (error) {
    throw new HarnessError('BROWSER_NOT_FOUND', (error as Error).message);
  }
  onPhase({ what: 'browser', state: 'ready', detail: `Chromium ${browser.version()}` });
  return browser;
}

interface Queue {
  items: Scenario[];
  env: ScenarioEnv;
}

/** One lane: takes the queues' scenarios in order, one at a time; stops taking new ones once aborted. */
async function drain(
  queues: Queue[],
  signal: AbortSignal | undefined,
  work: (s: Scenario, env: ScenarioEnv) => Promise<void>,
): Promise<void> {
  for (const { items, env } of queues)
    for (let s = items.shift(); s !== undefined && !signal?.aborted; s = items.shift()) await work(s, env);
}
