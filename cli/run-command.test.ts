import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const entry = join(root, 'cli', 'nox-testkit.ts');

/** A project folder with a config for the stand-in supplier and the given scenario files. */
function project(scenarios: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'nox-cli-'));
  mkdirSync(join(dir, 'mine'));
  const pidFile = join(dir, 'supplier.pid');
  for (const [name, body] of Object.entries(scenarios)) {
    writeFileSync(
      join(dir, 'mine', `${name}.ts`),
      `import { defineScenario } from ${JSON.stringify(join(root, 'harness', 'index.ts'))};
export default defineScenario({ name: '${name} sentence', rule: 'A rule.', severity: 'required', tags: ['mine'], async run(t) { ${body} } });`,
    );
  }
  writeFileSync(
    join(dir, 'nox-testkit.config.ts'),
    `import { defineConfig } from ${JSON.stringify(join(root, 'harness', 'index.ts'))};
export default defineConfig({
  supplier: {
    name: 'Tiny Energy',
    start: { command: 'node ${join(root, 'harness/runner/test-support/tiny-supplier.mjs')}', env: { TINY_SUPPLIER_PID_FILE: ${JSON.stringify(pidFile)} } },
    readyPath: '/health',
    hooks: { startConnection: async ({ page, baseUrl }) => void (await page.goto(baseUrl)), readOutcome: async () => ({ status: 'connected' }) },
  },
  scenarioDirs: ['mine'],
});`,
  );
  return { dir, pidFile };
}

function start(
  dir: string,
  args: string[],
): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      entry,
      'run',
      '--config',
      join(dir, 'nox-testkit.config.ts'),
      '--tag',
      'mine',
      '--report-dir',
      join(dir, 'reports'),
      ...args,
    ],
    { cwd: root },
  );
  let out = '';
  child.stdout?.on('data', (c) => {
    out += c;
  });
  child.stderr?.on('data', (c) => {
    out += c;
  });
  return { child, done: new Promise((r) => child.on('exit', (code) => r({ code, out }))) };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !/^State:\s+Z/m.test(
    existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '',
  );
};

describe('nox-testkit run', () => {
  test('exits 0 when every required scenario passes, 1 when one fails, and writes the reports', async () => {
    const { dir } = project({
      good: 'await t.supplier.startConnection();',
      bad: "t.expect.that(false, 'x', 'y');",
    });
    const green = await start(dir, ['--grep', '^good$', '--reporter', 'junit']).done;
    expect(green.code, green.out).toBe(0);
    expect(green.out).toContain('No pact written: the run selected part of the catalogue');
    expect(existsSync(join(dir, 'reports', 'junit.xml'))).toBe(true);
    expect(existsSync(join(dir, 'reports', 'index.html'))).toBe(false); // --reporter junit: that one only
    const red = await start(dir, ['--no-pact']).done;
    expect(red.code, red.out).toBe(1);
    expect(red.out).toMatch(/FAILED: 1 required scenario failed/);
    expect(existsSync(join(dir, 'reports', 'index.html'))).toBe(true); // the default set
  }, 90_000);

  test('exits 2 with the flag named when a flag is wrong', async () => {
    const { dir } = project({ good: '' });
    const bad = await start(dir, ['--workers', 'many']).done;
    expect(bad.code).toBe(2);
    expect(bad.out).toBe(
      'nox-testkit run: --workers: expected a whole number from 1 to 32, got "many" (see "nox-testkit run --help")\n',
    );
  }, 30_000);

  test('on Ctrl-C finishes the running scenario, tears everything down, reports and exits 130', async () => {
    const started = join(mkdtempSync(join(tmpdir(), 'nox-started-')), 'slow');
    // Scenarios run in file-name order with one worker: a-slow first (it says when it is running), then b-later.
    const { dir, pidFile } = project({
      'a-slow': `(await import('node:fs')).writeFileSync(${JSON.stringify(started)}, 'x'); await t.page.waitForTimeout(3000);`,
      'b-later': '',
    });
    const run = start(dir, ['--workers', '1', '--no-pact']);
    await new Promise<void>((resolveStarted) => {
      const check = setInterval(() => {
        if (existsSync(started)) {
          clearInterval(check);
          resolveStarted();
        }
      }, 50);
    });
    run.child.kill('SIGINT');
    const { code, out } = await run.done;
    expect(code).toBe(130);
    expect(out).toContain('Stopping after the running scenarios');
    expect(out).toContain('STOPPED before every scenario ran');
    expect(out).toMatch(/✓ a-slow sentence/);
    expect(out).not.toMatch(/b-later sentence/);
    expect(isRunning(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
    expect(existsSync(join(dir, 'reports', 'index.html'))).toBe(true);
  }, 90_000);

  test("--last-failed runs only the scenarios that failed in the last run's results.json", async () => {
    const { dir } = project({ first: '', second: '', third: '' });
    const reports = join(dir, 'reports');
    mkdirSync(reports, { recursive: true });
    const last = { first: 'failed', second: 'passed', third: 'failed', 'not-selected': 'failed' };
    const scenarios = Object.entries(last).map(([id, status]) => ({ id, status }));
    writeFileSync(join(reports, 'results.json'), JSON.stringify({ scenarios }));
    const again = await start(dir, ['--last-failed', '--list']).done;
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/^first .*\nthird .*\n\n2 scenarios/m);
    expect(again.out).not.toMatch(/^second /m);
  }, 90_000);
});
