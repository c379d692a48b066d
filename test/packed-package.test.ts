// The package as a supplier gets it: `npm pack`, then `npm install <tarball>` in a fresh ESM project and a
// fresh CommonJS one (what `npm init -y` writes), and in each the CLI, a .ts config and nox-testkit/mock.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'nox-packed-'));
const kinds = ['esm', 'cjs'] as const;
const project = (kind: (typeof kinds)[number]) => join(work, kind);
// Not the repository's npm and vitest settings: the projects are a supplier's, not ours.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(npm_|VITEST|NODE_ENV$)/i.test(name)),
);
const run = (command: string, args: string[], cwd: string) =>
  promisify(execFile)(command, args, { cwd, env, maxBuffer: 10 * 1024 * 1024 });

// The reference supplier of this repository stands in for the supplier's app; tsx runs its sources.
const supplierCommand = `node --import ${import.meta.resolve('tsx')} ${join(root, 'examples/reference-supplier/main.ts')}`;
const config = `import { defineConfig, type HookContext } from 'nox-testkit';

const logIn = ({ page, baseUrl, user }: HookContext) =>
  page.request.get(\`\${baseUrl}/login?user=\${encodeURIComponent(user)}\`, { maxRedirects: 0 });

export default defineConfig({
  supplier: {
    name: 'Packed Energy',
    start: { command: ${JSON.stringify(supplierCommand)} },
    readyPath: '/health',
    hooks: {
      async startConnection(ctx, { assetType }) {
        await logIn(ctx);
        await ctx.page.goto(\`\${ctx.baseUrl}/nox/connect?asset_type=\${assetType}\`);
      },
      async readOutcome({ page }) {
        if (await page.locator('[data-testid="nox-connected"]').count()) return { status: 'connected' };
        const failed = page.locator('[data-testid="nox-failed"]');
        if (!(await failed.count())) return null;
        return { status: 'failed', code: (await failed.first().getAttribute('data-error-code')) ?? undefined };
      },
      async readBack({ baseUrl, user }) {
        const res = await fetch(\`\${baseUrl}/__testkit/customers/\${encodeURIComponent(user)}\`);
        return res.ok ? res.json() : null;
      },
    },
  },
  scenarioDirs: ['nox-scenarios'],
});
`;
// A supplier's own scenario: its ScenarioSkipped must be the harness's own class, or the run calls it an error.
const ownScenario = `import { defineScenario, ScenarioSkipped } from 'nox-testkit';

export default defineScenario({
  name: 'a scenario of our own loads from TypeScript',
  rule: 'Own scenarios use the API of the built-in ones.',
  severity: 'required',
  tags: ['own'],
  async run() {
    throw new ScenarioSkipped('own scenario loaded and skipped itself');
  },
});
`;
// What a supplier's own test does with the embedded mock: link a heat pump without a browser, read devices.
const mockScript = (load: string) => `${load}

const main = async () => {
  const { url, control, stop } = await startMock();
  const org = await control.createOrganisation({
    kind: 'supplier',
    name: 'Packed Energy',
    redirect_urls: ['http://localhost:3000/cb'],
  });
  const res = await fetch(url + '/v2/supplier/link-sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': org.api_key },
    body: JSON.stringify({ user_id: 'customer_1', redirect_url: 'http://localhost:3000/cb', asset_type: 'hp' }),
  });
  const session = await res.json();
  const done = await control.complete(session.link_token, { brand: 'daikin', username: 'anna' });
  const devices = await (await fetch(url + '/v1/devices?user_id=' + done.nox_user_id, {
    headers: { 'x-api-key': org.api_key },
  })).json();
  await stop();
  await stop();
  console.log(JSON.stringify({ outcome: done.outcome, expected: done.device_ids, read: devices.data.map((d) => d.device_id) }));
};
main();
`;

beforeAll(async () => {
  await run('npm', ['pack', '--pack-destination', work, '--silent'], root);
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) ?? 'no tarball');
  await Promise.all(
    kinds.map(async (kind) => {
      mkdirSync(project(kind));
      await run('npm', ['init', '-y'], project(kind));
      if (kind === 'esm') await run('npm', ['pkg', 'set', 'type=module'], project(kind));
      await run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], project(kind));
      writeFileSync(join(project(kind), 'nox-testkit.config.ts'), config);
      mkdirSync(join(project(kind), 'nox-scenarios'));
      writeFileSync(join(project(kind), 'nox-scenarios', 'own-scenario.ts'), ownScenario);
      const load =
        kind === 'esm'
          ? "import { startMock } from 'nox-testkit/mock';"
          : "const { startMock } = require('nox-testkit/mock');";
      writeFileSync(join(project(kind), 'mock-check.js'), mockScript(load));
    }),
  );
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The process and every descendant, from /proc. */
function processTree(pid: number): number[] {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children.flatMap(processTree)];
}
const isRunning = (pid: number) =>
  existsSync(`/proc/${pid}/status`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

function spawnIn(
  cwd: string,
  args: string[],
  detached = false,
): { child: ChildProcess; output: () => string } {
  const child = spawn('npx', args, { cwd, env, detached, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}
/** The installed CLI of a project, run without npx (a project of its own inside it has no node_modules). */
const bin = (kind: (typeof kinds)[number]) => join(project(kind), 'node_modules/.bin/nox-testkit');
const exited = (child: ChildProcess) =>
  new Promise<number | null>((done) =>
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : null))),
  );

describe.concurrent('the packed package, installed in a fresh project', () => {
  test('publishes the compiled package only: no sources, tests or fixtures', async () => {
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz')) ?? '';
    const { stdout } = await run('tar', ['-tzf', tarball], work);
    const files = stdout.trim().split('\n');
    expect(
      files.filter((f) => !/^package\/(dist\/|bin\/|docs\/[\w-]+\.md$|README\.md$|package\.json$)/.test(f)),
    ).toEqual([]);
    expect(files.filter((f) => /\.test\.|fixtures|golden|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toContain('package/dist/openapi/nox-control.yaml');
    expect(files).toContain('package/dist/scenarios/v2-heat-pump-happy-path.js');
    expect(files).toContain('package/dist/harness/index.d.ts');
    // The docs the CLI's messages name by their installed path.
    expect(files).toContain('package/docs/adapter.md');
    expect(files).toContain('package/docs/ci.md');
    expect(files).toContain('package/dist/scenarios/doctor/read-outcome-shows-connected.js');
  });

  test('nox-testkit --help and --version work from a folder that is not the project', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'nox-elsewhere-'));
    const bin = join(project('cjs'), 'node_modules/.bin/nox-testkit');
    expect((await run(bin, ['--help'], elsewhere)).stdout).toContain('Usage: nox-testkit <command>');
    expect((await run(bin, ['--version'], elsewhere)).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    );
  });

  // `serve` ships as one bundled file (scripts/build.mjs): its errors must still be the CLI's own classes,
  // and its validator must still find the spec files.
  test('the installed serve reports bad settings as one usage line (exit 2) and validates requests against the spec', async () => {
    const bin = join(project('cjs'), 'node_modules/.bin/nox-testkit');
    const usage = async (args: string[]) =>
      run(bin, ['serve', ...args], project('cjs')).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    writeFileSync(join(project('cjs'), 'bad-mock.json'), JSON.stringify({ mock: { port: 'x', bogus: 1 } }));
    expect(await usage(['--port', 'abc'])).toEqual({
      code: 2,
      stderr:
        'nox-testkit serve: --port: expected a whole number from 0 to 65535 (0 picks a free port), got "abc" (see "nox-testkit serve --help")\n',
    });
    expect(await usage(['--config', 'bad-mock.json'])).toEqual({
      code: 2,
      stderr:
        'nox-testkit serve: bad-mock.json mock.port: expected a whole number from 0 to 65535 (0 picks a free port), got "x"\n' +
        'nox-testkit serve: bad-mock.json mock: unknown key "bogus" (see "nox-testkit serve --help")\n',
    });
    const serve = spawn(bin, ['serve', '--port', '0', '--in-memory'], { cwd: project('cjs'), env });
    let output = '';
    serve.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    try {
      while (!/listening on http/.test(output) && serve.exitCode === null)
        await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '';
      const create = (body: unknown) =>
        fetch(`${url}/v2/supplier/link-sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': 'api_key_123' },
          body: JSON.stringify(body),
        });
      const bad = await create({ user_id: 5, redirect_url: 'nope', asset_type: 'zz' });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        error:
          'user_id is required and must be a string; redirect_url must be an absolute URL (got "nope"); asset_type must be one of: hp, pv (got "zz")',
      });
      const good = await create({
        user_id: 'u1',
        redirect_url: 'https://your-app.com/callback',
        asset_type: 'hp',
      });
      expect(good.status).toBe(201);
    } finally {
      serve.kill('SIGKILL');
    }
  }, 60_000);

  for (const kind of kinds) {
    test(`${kind}: npx nox-testkit run with a .ts config and a .ts scenario of its own passes`, async () => {
      const { child, output } = spawnIn(project(kind), [
        'nox-testkit',
        'run',
        '--grep',
        'v2-heat-pump-happy-path|cancel-at-manufacturer|own-scenario',
      ]);
      expect(await exited(child), output()).toBe(0);
      expect(output()).toMatch(/^\s*2 passed, 0 failed, 1 skipped/m);
      expect(output()).toContain('own scenario loaded and skipped itself');
    }, 180_000);

    test(`${kind}: a script ${kind === 'esm' ? 'imports' : 'requires'} nox-testkit/mock and links a heat pump through control`, async () => {
      const { stdout } = await run('node', ['mock-check.js'], project(kind));
      const result = JSON.parse(stdout);
      expect(result.outcome).toBe('connected');
      expect(result.read).toEqual(result.expected);
      expect(result.read.length).toBeGreaterThan(0);
    }, 60_000);
  }

  test("the README's vitest example passes in the ESM project, against the installed package", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const example = /```ts\n(\/\/ test\/nox-link\.test\.ts[\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'the README has the startMock example').toBeDefined();
    mkdirSync(join(project('esm'), 'test'));
    writeFileSync(join(project('esm'), 'test', 'nox-link.test.ts'), example ?? '');
    // The supplier's own vitest; this repository's copy stands in for `npm install -D vitest`.
    symlinkSync(join(root, 'node_modules/vitest'), join(project('esm'), 'node_modules/vitest'));
    const vitest = join(root, 'node_modules/vitest/vitest.mjs');
    // Generous hook and test timeouts: this runs beside the other tests on a shared 2-core machine.
    const args = [vitest, 'run', '--reporter', 'verbose', '--hookTimeout', '60000', '--testTimeout', '60000'];
    const { stdout } = await run('node', args, project('esm'));
    expect(stdout).toContain('a customer who links a heat pump gets its devices');
    expect(stdout).toContain('1 passed'); // and vitest exited 0, or run() would have thrown
  }, 120_000);

  // npm runs the bin through `sh -c`, and that shell holds a SIGINT back until its child exits: a SIGINT
  // reaches the mock as Ctrl-C sends it, to the whole process group. SIGTERM to npx alone is enough.
  const stops = [
    { signal: 'SIGINT', to: 'its process group (Ctrl-C)', group: true },
    { signal: 'SIGTERM', to: 'npx', group: false },
  ] as const;
  for (const { signal, to, group } of stops) {
    test(`npx nox-testkit serve stops on ${signal} to ${to}, with nothing left running`, async () => {
      const args = ['nox-testkit', 'serve', '--port', '0', '--in-memory'];
      const { child, output } = spawnIn(project('esm'), args, group);
      const done = exited(child);
      let tree: number[] = [];
      try {
        while (!/listening on http/.test(output()) && child.exitCode === null)
          await new Promise((r) => setTimeout(r, 100));
        const url = /listening on (http:\/\/\S+)/.exec(output())?.[1] ?? '';
        tree = processTree(child.pid ?? 0);
        expect(tree.length, 'npm exec, its shell and node').toBe(3);
        process.kill(group ? -(child.pid ?? 0) : (child.pid ?? 0), signal);
        await done;
        for (let waited = 0; tree.some(isRunning) && waited < 15_000; waited += 100)
          await new Promise((r) => setTimeout(r, 100));
        expect(tree.filter(isRunning)).toEqual([]);
        expect(output()).toContain('Stopping the mock NOX platform');
        await expect(fetch(`${url}/__nox/health`)).rejects.toThrow();
      } finally {
        for (const pid of tree.filter(isRunning)) process.kill(pid, 'SIGKILL');
      }
    }, 60_000);
  }

  // Last, so they queue behind the quick checks above rather than beside them (vitest runs five at a time).
  for (const kind of kinds) {
    test(`${kind}: without a config run names init and its doc; init writes one in the project's module system that run --list accepts`, async () => {
      // A project of its own inside the installed one: its package.json says the module system, and
      // node finds the installed package one folder up.
      const dir = join(project(kind), 'init-check');
      mkdirSync(dir);
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'volt-app', ...(kind === 'esm' ? { type: 'module' } : {}) }),
      );
      const before = await run(bin(kind), ['run', '--list'], dir).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(before.code).toBe(2);
      expect(before.stderr).toContain('"npx nox-testkit init"');
      // The doc the message names is there in the installed package.
      const doc = join(project(kind), 'node_modules/nox-testkit/docs/adapter.md');
      expect(before.stderr).toContain(doc);
      expect(existsSync(doc)).toBe(true);
      const init = await run(bin(kind), ['init', '--github-actions'], dir);
      expect(init.stdout).toContain(kind === 'esm' ? 'as an ES module' : 'as CommonJS');
      expect(init.stdout).toContain(doc);
      const written = readFileSync(join(dir, 'nox-testkit.config.ts'), 'utf8');
      expect(written).toContain(
        kind === 'esm' ? 'export default defineConfig' : 'module.exports = defineConfig',
      );
      expect(existsSync(join(dir, '.github/workflows/nox-testkit.yml'))).toBe(true);
      const list = await run(bin(kind), ['run', '--list', '--tag', 'happy-path'], dir);
      expect(list.stdout).toMatch(/^v2-heat-pump-happy-path\s+required/m);
    }, 120_000);
  }

  test("doctor exits 0 on the reference supplier's adapter (this repository's nox-testkit.config.ts)", async () => {
    // The same file, importing the installed package and starting the reference supplier by its path.
    const command = "command: 'node --import tsx examples/reference-supplier/main.ts'";
    const own = readFileSync(join(root, 'nox-testkit.config.ts'), 'utf8');
    expect(own).toContain(command);
    expect(own).toContain("from './harness/index.ts'");
    const file = join(project('esm'), 'reference.config.ts');
    writeFileSync(
      file,
      own
        .replace("from './harness/index.ts'", "from 'nox-testkit'")
        .replace(command, `command: ${JSON.stringify(supplierCommand)}`),
    );
    const { child, output } = spawnIn(project('esm'), ['nox-testkit', 'doctor', '--config', file]);
    expect(await exited(child), output()).toBe(0);
    for (const hook of ['startConnection', 'readOutcome', 'readBack', 'logInOnOAuthPage', 'webhookPath'])
      expect(output()).toMatch(new RegExp(`✓ ${hook} `));
    expect(output()).toContain('The required hooks (startConnection, readOutcome) work');
    expect(output()).not.toContain('✗');
  }, 180_000);

  test('doctor exits 1 and names readOutcome when it never recognises a page', async () => {
    const file = join(project('cjs'), 'blind.config.ts');
    const blind = 'async readOutcome() {\n        return null;\n      },\n      async readBack(';
    const text = config.replace(/async readOutcome\(\{ page \}\) \{[\s\S]*?\n {6}async readBack\(/, blind);
    expect(text).toContain(blind);
    writeFileSync(file, text);
    const { child, output } = spawnIn(project('cjs'), ['nox-testkit', 'doctor', '--config', file]);
    expect(await exited(child), output()).toBe(1);
    expect(output()).toMatch(/✓ startConnection /);
    expect(output()).toMatch(/✗ readOutcome\s+readOutcome recognises your page after a connected return/);
    expect(output()).toContain('saw       it showed neither within 10 s');
    expect(output()).toContain('fix       readOutcome must return { status: "connected" }');
    expect(output()).toContain('BROKEN: readOutcome (required)');
  }, 180_000);
});
