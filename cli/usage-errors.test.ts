import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../test/test-support/run-cli.ts';

const root = resolve(import.meta.dirname, '..');
const harnessEntry = JSON.stringify(join(root, 'harness', 'index.ts'));

/** A folder with a nox-testkit.config.ts of the given body (inside `defineConfig(...)`). */
function configFile(body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nox-usage-')), 'nox-testkit.config.ts');
  writeFileSync(
    file,
    `import { defineConfig } from ${harnessEntry};\nexport default defineConfig(${body});\n`,
  );
  return file;
}

const hooks = 'hooks: { startConnection: async () => {}, readOutcome: async () => null }';

/** A usage error: exit 2, one line on stderr that ends with the pointer to the command's --help. */
function expectOneLine(result: { code: number; stderr: string }, command: string, text: string) {
  expect(result.code).toBe(2);
  expect(result.stderr.split('\n')).toEqual([expect.stringContaining(text), '']);
  expect(result.stderr).toMatch(new RegExp(`^nox-testkit${command ? ` ${command}` : ''}: `));
  expect(result.stderr).toContain(`(see "nox-testkit${command ? ` ${command}` : ''} --help")`);
  expect(result.stderr).not.toMatch(/\n\s+at |CONFIG_INVALID|ERR_PARSE_ARGS/);
}

describe('a usage error is one line, exit 2, with a pointer to --help', () => {
  test('an unknown flag of scenarios (was a raw stack trace)', async () => {
    expectOneLine(await runCli(['scenarios', '--bogus']), 'scenarios', "unknown option '--bogus'");
  });

  test('an unknown command', async () => {
    expectOneLine(await runCli(['bogus']), '', "unknown command 'bogus'");
  });

  test('a negative --retries, in our words and not Node parser text', async () => {
    const result = await runCli(['run', '--retries', '-1']);
    expectOneLine(result, 'run', '--retries: expected a whole number from 0 to 5, got "-1"');
    expect(result.stderr).not.toContain('ambiguous');
  });

  test('a flag without its value', async () => {
    expectOneLine(await runCli(['run', '--workers']), 'run', "option '--workers <n>' argument missing");
  });

  test('a bad env variable is named as the env variable', async () => {
    const result = await runCli(['run', '--list'], { env: { NOX_TESTKIT_REPORTER: 'list,bogus' } });
    expectOneLine(result, 'run', 'NOX_TESTKIT_REPORTER: expected one of list');
    expect(result.stderr).toContain('got "bogus"');
  });

  test("a bad config value is named as the config file's key, not as a flag", async () => {
    const file = configFile(
      `{ supplier: { name: 'Tiny', start: { command: 'true' }, ${hooks} }, run: { retries: 99 } }`,
    );
    const result = await runCli(['run', '--config', file]);
    expectOneLine(result, 'run', `${file} run.retries: expected a whole number from 0 to 5, got 99`);
    expect(result.stderr).not.toContain('--retries');
  });

  test('a missing config file points to a README section that exists', async () => {
    const result = await runCli(['run', '--config', join(tmpdir(), 'no-such-nox-testkit.config.ts')]);
    expectOneLine(result, 'run', 'No config file at');
    const section = /README's "([^"]+)"/.exec(result.stderr)?.[1];
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n')).toContain(`## ${section}`);
  });

  test('scenarios reports a broken config as run does (it used to list without it)', async () => {
    const file = configFile(
      `{ supplier: { name: 'Tiny', start: { command: 'true' }, ${hooks} }, scenarioDirs: [3] }`,
    );
    const line = `${file} scenarioDirs.0: expected a non-empty string, got 3`;
    expectOneLine(await runCli(['scenarios', '--config', file]), 'scenarios', line);
    expectOneLine(await runCli(['run', '--config', file]), 'run', line);
  });
});

describe('a config file with several problems', () => {
  test('reports every one at once, one line each with its path, exit 2', async () => {
    const file = configFile(
      `{ supplier: { name: '', start: { command: 3 }, hooks: { startConnection: async () => {} }, hook: 1 }, run: { workers: 0 } } as never`,
    );
    const result = await runCli(['scenarios', '--config', file]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `nox-testkit scenarios: ${file} supplier.name: expected a non-empty string, got ""`,
      `nox-testkit scenarios: ${file} supplier.start.command: expected a non-empty string, got 3`,
      `nox-testkit scenarios: ${file} supplier.hooks.readOutcome: expected a function, got nothing`,
      `nox-testkit scenarios: ${file} supplier: unknown key "hook"`,
      `nox-testkit scenarios: ${file} run.workers: expected a whole number from 1 to 32, got 0 (see "nox-testkit scenarios --help")`,
    ]);
  });
});

describe('new flags', () => {
  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  test("--help and each command's --help load neither Playwright nor Pact (they are loaded to run)", async () => {
    const commands = ['run', 'verify', 'scenarios', 'init', 'doctor', 'merge-pacts'];
    for (const args of [['--help'], ...commands.map((command) => [command, '--help'])]) {
      // NODE_DEBUG=module names every CommonJS file node loads (both packages are CommonJS).
      const result = await runCli(args, { env: { NODE_DEBUG: 'module' } });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: nox-testkit');
      expect(result.stderr, args.join(' ')).toContain('MODULE');
      expect(result.stderr, args.join(' ')).not.toMatch(/playwright-core|@pact-foundation/);
    }
  });

  test('run --list prints what the run would run after --tag (in any case) and --shard, and starts nothing', async () => {
    const reports = join(mkdtempSync(join(tmpdir(), 'nox-list-')), 'reports');
    const all = await runCli(['run', '--list', '--tag', 'EXPIRY', '--report-dir', reports]);
    expect(all.code).toBe(0);
    const ids = all.stdout.split('\n').filter((line) => /^\S+\s+(required|advisory)\s/.test(line));
    expect(ids.length).toBeGreaterThan(1);
    for (const line of ids) expect(line).toMatch(/\bexpiry\b/);
    expect(all.stdout).toContain(`${ids.length} scenarios`);
    expect(all.stdout).not.toContain('Running');
    const half = await runCli(['run', '--list', '--tag', 'expiry', '--shard', '1/2']);
    expect(half.stdout).toContain(`${Math.ceil(ids.length / 2)} scenarios`);
    expect(existsSync(reports)).toBe(false);
  });
});
