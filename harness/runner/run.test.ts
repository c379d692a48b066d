import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runWithMock as run } from '../../cli/run-with-mock.ts';
import { openStore, startServer } from '../../mock-nox/index.ts';
import type { NoxTestkitConfig, RunSettings } from '../config/define-config.ts';
import type { Reporter, RunPhase, RunResult, ScenarioResult } from '../report/run-result.ts';
import { loadScenarios } from './load-scenarios.ts';
import { createMockClient } from './mock-client.ts';

const tinySupplier = join(import.meta.dirname, 'test-support', 'tiny-supplier.mjs');
const harnessEntry = join(import.meta.dirname, '..', 'index.ts');

/** A temp folder with the given scenario files (bodies of run(t)), loaded like a config's scenarioDirs. */
async function scenariosIn(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'nox-runner-'));
  const scenarioDir = join(dir, 'scenarios');
  mkdirSync(scenarioDir);
  for (const [name, source] of Object.entries(files)) writeFileSync(join(scenarioDir, `${name}.ts`), source);
  return { dir, scenarios: await loadScenarios([scenarioDir]) };
}

const scenario = (
  options: string,
  body: string,
) => `import { defineScenario } from ${JSON.stringify(harnessEntry)};
export default defineScenario({ name: 'does the thing', rule: 'The thing is documented.', docs: 'https://docs.example/thing', tags: ['t'], ${options}
  async run(t) { ${body} } });`;

function config(env: Record<string, string> = {}): NoxTestkitConfig {
  return {
    supplier: {
      name: 'Tiny Energy',
      start: { command: `node ${tinySupplier}`, env, readyTimeoutMs: 5000 },
      readyPath: '/health',
      hooks: {
        startConnection: async ({ page, baseUrl }) => void (await page.goto(baseUrl)),
        readOutcome: async ({ page }) =>
          (await page.locator('[data-testid=connected]').count()) ? { status: 'connected' } : null,
      },
    },
  };
}

const settings = (dir: string, overrides: Partial<RunSettings> = {}): RunSettings => ({
  workers: 2,
  retries: 0,
  reportDir: join(dir, 'reports'),
  strict: false,
  timeoutMs: 10_000,
  tags: [],
  ...overrides,
});

async function runWith(
  files: Record<string, string>,
  options: {
    env?: Record<string, string>;
    settings?: Partial<RunSettings>;
    reporters?: Reporter[];
    supplier?: Partial<NoxTestkitConfig['supplier']>;
  } = {},
) {
  const { dir, scenarios } = await scenariosIn(files);
  const base = config(options.env);
  const result = await run({
    config: { ...base, supplier: { ...base.supplier, ...options.supplier } },
    configDir: dir,
    settings: settings(dir, options.settings),
    scenarios,
    reporters: options.reporters ?? [],
  });
  return { dir, result, byId: (id: string) => result.scenarios.find((s) => s.id === id) as ScenarioResult };
}

describe('the runner', () => {
  test('a failing expectation fails the run with what was expected, what happened and the rule', async () => {
    const { result, byId } = await runWith({
      ok: scenario(
        `severity: 'required',`,
        `await t.supplier.startConnection(); await t.expect.connected();`,
      ),
      broken: scenario(
        `severity: 'required',`,
        `t.expect.that(false, 'the supplier to send asset_type', 'it sent none');`,
      ),
    });
    expect(byId('ok').status).toBe('passed');
    expect(byId('broken')).toMatchObject({
      status: 'failed',
      failure: {
        code: 'EXPECTATION_FAILED',
        expected: 'the supplier to send asset_type',
        actual: 'it sent none',
        rule: 'The thing is documented.',
        docs: 'https://docs.example/thing',
      },
    });
    expect(byId('broken').failure?.message).toBe(
      'Expected the supplier to send asset_type, but it sent none. Rule: The thing is documented. (https://docs.example/thing)',
    );
    expect(result.exit_code).toBe(1);
    expect(result.counts).toMatchObject({ passed: 1, failed: 1, requiredFailed: 1 });
  });

  test('an advisory failure warns without failing the run, unless strict', async () => {
    const advisory = { a: scenario(`severity: 'advisory',`, `t.expect.that(false, 'x', 'y');`) };
    expect((await runWith(advisory)).result.exit_code).toBe(0);
    expect((await runWith(advisory, { settings: { strict: true } })).result.exit_code).toBe(1);
  });

  test('a scenario that needs a hook the adapter lacks is skipped with the reason', async () => {
    const { result, byId } = await runWith({
      needy: scenario(`severity: 'required', needs: ['readBack'],`, `throw new Error('must not run');`),
    });
    expect(byId('needy')).toMatchObject({ status: 'skipped', reason: 'the adapter has no readBack hook' });
    expect(result.exit_code).toBe(0);
  });

  test('a crashing scenario fails with its error, and the supplier app is stopped afterwards', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'nox-pid-')), 'pid');
    const { byId } = await runWith(
      { crash: scenario(`severity: 'required',`, `throw new Error('boom');`) },
      { env: { TINY_SUPPLIER_PID_FILE: pidFile } },
    );
    expect(byId('crash').failure).toMatchObject({
      code: 'SCENARIO_ERROR',
      message: expect.stringContaining('boom'),
    });
    expect(isRunning(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  test('tears the supplier down even when the run itself crashes', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'nox-pid-')), 'pid');
    // The crash comes after the supplier started: no browser. (A throwing reporter used to be the crash
    // here; the reporter multiplexer now reports one instead, see the next test.)
    const chromium = process.env.NOX_TESTKIT_CHROMIUM;
    process.env.NOX_TESTKIT_CHROMIUM = join(tmpdir(), 'no-such-chromium');
    try {
      const { result } = await runWith(
        { a: scenario(`severity: 'required',`, '') },
        { env: { TINY_SUPPLIER_PID_FILE: pidFile } },
      );
      expect(result).toMatchObject({ exit_code: 4, error: { code: 'BROWSER_NOT_FOUND' } });
    } finally {
      if (chromium === undefined) delete process.env.NOX_TESTKIT_CHROMIUM;
      else process.env.NOX_TESTKIT_CHROMIUM = chromium;
    }
    expect(isRunning(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  test('a throwing reporter is reported, the other reporters still write and a passing run exits 3', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'nox-pid-')), 'pid');
    const crashing: Reporter = {
      name: 'exploding',
      onRunStart: () => {
        throw new Error('reporter exploded');
      },
      onRunEnd: () => undefined,
    };
    const ended: RunResult[] = [];
    const { result } = await runWith(
      { a: scenario(`severity: 'required',`, '') },
      {
        env: { TINY_SUPPLIER_PID_FILE: pidFile },
        reporters: [crashing, { onRunEnd: (r) => void ended.push(r) }],
      },
    );
    expect(result.counts.passed).toBe(1);
    expect(result.exit_code).toBe(3);
    expect(result.report_failures).toEqual([
      { reporter: 'exploding', event: 'onRunStart', message: 'reporter exploded' },
    ]);
    expect(ended).toHaveLength(1);
    expect(isRunning(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  test("gives the supplier a fresh organisation's key and reports to every reporter", async () => {
    const ended: RunResult[] = [];
    const { byId } = await runWith(
      {
        keyed: scenario(
          `severity: 'required',`,
          `await t.supplier.startConnection(); t.expect.that((await t.page.textContent('p')) === 'key set', 'the key in the env', 'it was missing');`,
        ),
      },
      { reporters: [{ onRunEnd: (r) => void ended.push(r) }] },
    );
    expect(byId('keyed').status).toBe('passed');
    expect(ended[0]?.supplier).toBe('Tiny Energy');
  });

  test('records a screenshot per step in the report folder', async () => {
    const { dir, byId } = await runWith({
      shot: scenario(`severity: 'required',`, `await t.supplier.startConnection();`),
    });
    const [step] = byId('shot').steps;
    expect(step?.name).toContain('Start connecting as customer cust-shot-');
    expect(existsSync(join(dir, 'reports', step?.screenshot ?? 'missing'))).toBe(true);
  });

  test('a step after which the page looks as before shows the earlier screenshot instead of taking another', async () => {
    const { dir, byId } = await runWith({
      same: scenario(
        `severity: 'required',`,
        `await t.supplier.startConnection();
        await t.step('Look again', async () => undefined);
        await t.step('Show a form', () => t.page.setContent('<input id="a">'));
        await t.step('Type into it', () => t.page.fill('#a', 'typed'));`,
      ),
    });
    const shots = byId('same').steps.map((step) => step.screenshot);
    expect(shots).toEqual([
      'screenshots/same-01.jpg',
      'screenshots/same-01.jpg',
      'screenshots/same-03.jpg',
      'screenshots/same-04.jpg',
    ]);
    for (const shot of shots) expect(existsSync(join(dir, 'reports', shot ?? 'missing'))).toBe(true);
    expect(existsSync(join(dir, 'reports', 'screenshots', 'same-02.jpg'))).toBe(false);
  });
});

/** A scenario that logs where it ran (the supplier app's origin) as it starts and ends, to `log`. */
const logged = (log: string, exclusive: boolean) =>
  scenario(
    `severity: 'required', exclusive: ${exclusive},`,
    `const { appendFileSync } = await import('node:fs');
    const note = (what) => appendFileSync(${JSON.stringify(log)}, JSON.stringify({ user: t.user, what, origin: new URL(t.page.url()).origin }) + '\\n');
    await t.supplier.startConnection(); note('start');
    ${exclusive ? 'await t.platform.advanceClock(601);' : ''}
    await t.supplier.startConnection(); note('end');`,
  );

function readLog(log: string): { id: string; what: string; origin: string }[] {
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .map((e) => ({ ...e, id: String(e.user).replace(/^cust-|-\w+$/g, '') }));
}

describe('the runner with exclusive scenarios', () => {
  test('runs them one at a time against an app and organisation of their own, beside the others', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'nox-lanes-')), 'log.jsonl');
    const { result } = await runWith({
      a: logged(log, false),
      b: logged(log, false),
      x: logged(log, true),
      y: logged(log, true),
    });
    expect(result.counts).toMatchObject({ passed: 4, failed: 0 });
    const entries = readLog(log);
    const originOf = (id: string) => new Set(entries.filter((e) => e.id === id).map((e) => e.origin));
    expect(originOf('x')).toEqual(originOf('y'));
    expect([...originOf('x')]).toHaveLength(1);
    expect(originOf('a')).toEqual(originOf('b'));
    expect([...originOf('a')][0]).not.toBe([...originOf('x')][0]);
    const exclusive = entries.filter((e) => ['x', 'y'].includes(e.id)).map((e) => `${e.id} ${e.what}`);
    expect([
      ['x start', 'x end', 'y start', 'y end'],
      ['y start', 'y end', 'x start', 'x end'],
    ]).toContainEqual(exclusive);
  });

  test('with four workers runs them in two lanes, each with an app of its own, one at a time per app', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'nox-lanes-')), 'log.jsonl');
    const { result } = await runWith(
      {
        a: logged(log, false),
        b: logged(log, false),
        x: logged(log, true),
        y: logged(log, true),
        z: logged(log, true),
      },
      { settings: { workers: 4 } },
    );
    expect(result.counts).toMatchObject({ passed: 5, failed: 0 });
    const entries = readLog(log);
    const exclusive = entries.filter((e) => ['x', 'y', 'z'].includes(e.id));
    const origins = new Set(exclusive.map((e) => e.origin));
    expect(origins.size).toBe(2);
    for (const e of entries.filter((e) => ['a', 'b'].includes(e.id)))
      expect(origins.has(e.origin)).toBe(false);
    // On each app an exclusive scenario ends before the next one starts.
    for (const origin of origins) {
      const order = exclusive.filter((e) => e.origin === origin).map((e) => `${e.id} ${e.what}`);
      const pairs = order.flatMap((_, i) => (i % 2 === 0 ? [order.slice(i, i + 2).join(', ')] : []));
      for (const pair of pairs) expect(pair).toMatch(/^(\w) start, \1 end$/);
    }
  });

  test('with one worker runs them after the others, against the same app', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'nox-lanes-')), 'log.jsonl');
    const { result } = await runWith(
      { a: logged(log, false), x: logged(log, true) },
      { settings: { workers: 1 } },
    );
    expect(result.counts).toMatchObject({ passed: 2, failed: 0 });
    const entries = readLog(log);
    expect(entries.map((e) => `${e.id} ${e.what}`)).toEqual(['a start', 'a end', 'x start', 'x end']);
    expect(new Set(entries.map((e) => e.origin)).size).toBe(1);
  });
});

describe('the runner, further', () => {
  test('fails a scenario that does not finish in time with TIMEOUT', async () => {
    const { byId } = await runWith(
      { slow: scenario(`severity: 'required',`, `await new Promise(() => undefined);`) },
      { settings: { timeoutMs: 1500 } },
    );
    expect(byId('slow').failure).toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringContaining('did not finish within 1.5 s'),
    });
  });

  test('runs a failing scenario again with --retries, keeps each attempt with its own evidence and marks a pass flaky', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'nox-retry-')), 'tried');
    const flaky = scenario(
      `severity: 'required',`,
      `const fs = await import('node:fs');
      const first = !fs.existsSync(${JSON.stringify(marker)});
      fs.writeFileSync(${JSON.stringify(marker)}, 'x');
      await t.supplier.startConnection();
      t.expect.that(!first, 'a second attempt', 'the first one');`,
    );
    const { dir, result, byId } = await runWith({ flaky }, { settings: { retries: 2 } });
    const retried = byId('flaky');
    expect(retried).toMatchObject({ status: 'passed', attempts: 2, flaky: true });
    expect(result.counts).toMatchObject({ passed: 1, flaky: 1, failed: 0 });
    const [first] = retried.previous_attempts ?? [];
    expect(retried.previous_attempts).toHaveLength(1);
    expect(first).toMatchObject({
      attempt: 1,
      status: 'failed',
      failure: { code: 'EXPECTATION_FAILED', actual: 'the first one' },
    });
    expect(first?.steps.map((step) => step.status)).toEqual(['passed']);
    expect(first?.journal).toEqual([]); // the tiny supplier calls no NOX API
    const shots = [first?.steps[0]?.screenshot, retried.steps[0]?.screenshot];
    expect(shots[0]).toMatch(/^screenshots\/flaky-attempt1-01\.jpg$/);
    expect(shots[1]).toBe('screenshots/flaky-01.jpg');
    for (const shot of shots) expect(existsSync(join(dir, 'reports', shot ?? 'missing'))).toBe(true);
  });

  test('a scenario that fails every attempt keeps the earlier ones and is not flaky', async () => {
    const { byId } = await runWith(
      { broken: scenario(`severity: 'required',`, `t.expect.that(false, 'x', 'y');`) },
      { settings: { retries: 1 } },
    );
    expect(byId('broken')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(byId('broken').flaky).toBeUndefined();
    expect(byId('broken').previous_attempts?.map((a) => a.status)).toEqual(['failed']);
  });

  test('tells the reporters what starts, then the run with its shard, then each scenario as it starts and ends', async () => {
    const events: string[] = [];
    const recorder: Reporter = {
      onPhase: (p) => void events.push(`${p.what} ${p.state}${p.detail ? `: ${p.detail}` : ''}`),
      onRunStart: (info) => void events.push(`run ${info.total} shard ${JSON.stringify(info.shard)}`),
      onScenarioStart: (s) => void events.push(`start ${s.id}`),
      onScenarioEnd: (r) => void events.push(`end ${r.id}`),
      onRunEnd: (r) => void events.push(`run end shard ${JSON.stringify(r.shard)}`),
    };
    await runWith(
      { a: scenario(`severity: 'required',`, ''), b: scenario(`severity: 'required',`, '') },
      { reporters: [recorder], settings: { workers: 1, shard: { index: 2, count: 3 } } },
    );
    const generic = events.map((e) =>
      e.replace(/127\.0\.0\.1:\d+/g, 'HOST').replace(/Chromium [\d.]+/, 'Chromium V'),
    );
    expect(generic).toEqual([
      'mock starting',
      'mock ready: http://HOST',
      'app starting: waiting for http://HOST/health (up to 5 s)',
      'app ready: http://HOST',
      'browser starting',
      'browser ready: Chromium V',
      'run 2 shard {"index":2,"count":3}',
      'start a',
      'end a',
      'start b',
      'end b',
      'run end shard {"index":2,"count":3}',
    ]);
  });

  test('says which mock it uses when the user named one', async () => {
    const server = await startServer({ store: await openStore({ inMemory: true }) }, '127.0.0.1', 0);
    const phases: RunPhase[] = [];
    try {
      await runWith(
        { a: scenario(`severity: 'required',`, '') },
        {
          reporters: [{ onPhase: (p) => void phases.push(p), onRunEnd: () => undefined }],
          settings: { mockUrl: server.url },
        },
      );
    } finally {
      await server.close();
    }
    expect(phases[0]).toEqual({ what: 'mock', state: 'ready', detail: `using the mock at ${server.url}` });
    expect(phases.filter((p) => p.what === 'mock')).toHaveLength(1);
  });

  test("gives the run's organisation the app's OAuth page and webhook receiver, and names a flow none of whose scenarios ran", async () => {
    const server = await startServer({ store: await openStore({ inMemory: true }) }, '127.0.0.1', 0);
    let result: RunResult;
    let org: { oauth_login_url: string | null; webhook_url: string | null } | undefined;
    try {
      ({ result } = await runWith(
        {
          one: scenario(`severity: 'required',`, ''),
          two: scenario(`severity: 'required', flow: 'manufacturer-app', needs: ['logInOnOAuthPage'],`, ''),
          three: scenario(
            `severity: 'required', flow: 'manufacturer-app', needs: ['refuseOnOAuthPage'],`,
            '',
          ),
        },
        {
          settings: { mockUrl: server.url },
          supplier: { oauthLoginPath: '/oauth/login', webhookPath: '/nox/hooks' },
        },
      ));
      const orgs = await createMockClient(server.url).organisations();
      org = orgs.find((o) => o.name === 'Tiny Energy');
    } finally {
      await server.close();
    }
    expect(org?.oauth_login_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/login$/);
    expect(org?.webhook_url).toBe(org?.oauth_login_url?.replace('/oauth/login', '/nox/hooks'));
    expect(result.scenarios.map((s) => [s.id, s.flow, s.status])).toEqual([
      ['one', 'supplier-app', 'passed'],
      ['three', 'manufacturer-app', 'skipped'],
      ['two', 'manufacturer-app', 'skipped'],
    ]);
    // What the adapter lacks is said once, per thing to add, not as the flow's reasons.
    expect(result.untested_flows).toEqual([{ flow: 'manufacturer-app', reasons: [] }]);
    expect(result.untested?.map((u) => [u.add, u.scenarios])).toEqual([
      [['refuseOnOAuthPage'], ['three']],
      [['logInOnOAuthPage'], ['two']],
    ]);
  });

  test('a run stopped part-way names the scenarios it did not run as not run (not skipped), with the reason', async () => {
    const stop = new AbortController();
    const { dir, scenarios } = await scenariosIn({
      a: scenario(`severity: 'required',`, ''),
      b: scenario(`severity: 'required',`, ''),
    });
    const result = await run({
      config: config(),
      configDir: dir,
      settings: settings(dir, { workers: 1 }),
      scenarios,
      reporters: [{ onScenarioEnd: () => stop.abort(), onRunEnd: () => undefined }],
      signal: stop.signal,
    });
    expect(result.interrupted).toBe(true);
    expect(result.scenarios.map((s) => [s.id, s.status])).toEqual([
      ['a', 'passed'],
      ['b', 'not_run'],
    ]);
    expect(result.scenarios[1]?.reason).toBe('the run was stopped before this scenario started');
    expect(result.counts).toMatchObject({ passed: 1, skipped: 0, notRun: 1 });
  });

  test('leaves other files in the report folder alone', async () => {
    const { dir, scenarios } = await scenariosIn({ a: scenario(`severity: 'required',`, '') });
    const reportDir = join(dir, 'reports');
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(join(reportDir, 'keep.txt'), 'mine');
    await run({ config: config(), configDir: dir, settings: settings(dir), scenarios, reporters: [] });
    expect(readFileSync(join(reportDir, 'keep.txt'), 'utf8')).toBe('mine');
  });

  test("asks for a running mock and the app's key when the supplier is an app already running", async () => {
    const { dir, scenarios } = await scenariosIn({ a: scenario(`severity: 'required',`, '') });
    const running = {
      ...config(),
      supplier: { ...config().supplier, start: undefined, url: 'http://127.0.0.1:9' },
    };
    const attempt = run({
      config: running,
      configDir: dir,
      settings: settings(dir),
      scenarios,
      reporters: [],
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('give mock.url (or --mock-url) and supplier.apiKey'),
    });
  });
});

/** Alive and not a zombie (an orphan nobody reaped is stopped all the same). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return !/^State:\s+Z/m.test(status);
}
