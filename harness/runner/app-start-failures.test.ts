import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runWithMock } from '../../cli/run-with-mock.ts';
import { runCli } from '../../test/test-support/run-cli.ts';
import type { NoxTestkitConfig } from '../config/define-config.ts';
import { createReporters } from '../report/reporters.ts';
import type { Scenario } from '../scenario/define-scenario.ts';

const root = resolve(import.meta.dirname, '..', '..');
const tinySupplier = join(import.meta.dirname, 'test-support', 'tiny-supplier.mjs');

const neverRuns: Scenario = {
  id: 'never-runs',
  name: 'never runs',
  rule: 'The app starts.',
  severity: 'required',
  tags: ['t'],
  run: async () => undefined,
} as Scenario;

/** A run whose tiny supplier fails to start as `env` asks, with the JUnit and JSON reports. */
async function failedStart(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'nox-start-'));
  const config: NoxTestkitConfig = {
    supplier: {
      name: 'Tiny Energy',
      start: { command: `node ${tinySupplier}`, env, readyTimeoutMs: 1500 },
      readyPath: '/health',
      hooks: { startConnection: async () => undefined, readOutcome: async () => null },
    },
  };
  const result = await runWithMock({
    config,
    configDir: dir,
    settings: {
      workers: 1,
      retries: 0,
      reportDir: join(dir, 'reports'),
      strict: false,
      timeoutMs: 5000,
      tags: [],
    },
    scenarios: [neverRuns],
    reporters: createReporters(['junit', 'json']),
  });
  const junit = readFileSync(join(dir, 'reports', 'junit.xml'), 'utf8');
  const json = JSON.parse(readFileSync(join(dir, 'reports', 'results.json'), 'utf8'));
  return { result, junit, json, message: result.error?.message ?? '' };
}

describe('an app that cannot start', () => {
  test('that exits: its exit code and last lines, in an errored JUnit test case and results.json, exit 4', async () => {
    const { result, junit, json, message } = await failedStart({ TINY_SUPPLIER_FAIL_START: '1' });
    expect(result).toMatchObject({ exit_code: 4, scenarios: [], error: { code: 'SUPPLIER_START_FAILED' } });
    expect(message).toMatch(
      /^The supplier app exited with code 3 before http:\/\/127\.0\.0\.1:\d+\/health answered\. /,
    );
    expect(message).toContain('Its last lines:\ntiny supplier: refusing to start, as asked');
    expect(json).toMatchObject({ exit_code: 4, error: { code: 'SUPPLIER_START_FAILED', message } });
    expect(junit).toMatch(/<testsuite [^>]*tests="1" failures="0" errors="1"/);
    expect(junit).toContain('<testcase classname="nox-testkit.setup" name="start the supplier app"');
    expect(junit).toMatch(
      /<error message="The supplier app exited with code 3[^"]*" type="SUPPLIER_START_FAILED">/,
    );
  });

  test('that listens but whose readyPath answers 500: the status and the body', async () => {
    const { message } = await failedStart({ TINY_SUPPLIER_HEALTH_500: '1' });
    expect(message).toMatch(
      /^The supplier app is listening, but http:\/\/127\.0\.0\.1:\d+\/health still answered 500 within 1\.5 s/,
    );
    expect(message).toContain('Its body: database not migrated yet');
  });

  test('that never listens: the port it was given and its output', async () => {
    const { message } = await failedStart({ TINY_SUPPLIER_NO_LISTEN: '1' });
    expect(message).toMatch(
      /^Nothing listened on 127\.0\.0\.1:(\d+) within 1\.5 s \(ECONNREFUSED\): the app must listen on 127\.0\.0\.1 \(or all interfaces\) at the port it was given in PORT=\1/,
    );
    expect(message).toContain('Its last lines:\ntiny supplier: running, but listening nowhere, as asked');
  });

  /** A project whose app exits at once, and the `nox-testkit run` arguments for it. */
  function exitingApp() {
    const dir = mkdtempSync(join(tmpdir(), 'nox-start-cli-'));
    writeFileSync(
      join(dir, 'nox-testkit.config.ts'),
      `import { defineConfig } from ${JSON.stringify(join(root, 'harness', 'index.ts'))};
export default defineConfig({
  supplier: {
    name: 'Tiny Energy',
    start: { command: 'node ${tinySupplier}', env: { TINY_SUPPLIER_FAIL_START: '1' } },
    readyPath: '/health',
    hooks: { startConnection: async () => undefined, readOutcome: async () => null },
  },
});`,
    );
    const reports = join(dir, 'reports');
    return { reports, cli: ['run', '--config', join(dir, 'nox-testkit.config.ts'), '--report-dir', reports] };
  }

  test('`nox-testkit run` says why on the console, still writes junit.xml and exits 4, not 1', async () => {
    const { reports, cli } = exitingApp();
    const { code, stdout } = await runCli([...cli, '--grep', 'forged', '--no-pact']);
    expect(code).toBe(4);
    expect(stdout).toContain('The supplier app exited with code 3 before');
    expect(stdout).toContain('ERROR: no scenario ran [SUPPLIER_START_FAILED]');
    expect(readFileSync(join(reports, 'junit.xml'), 'utf8')).toContain('type="SUPPLIER_START_FAILED"');
    expect(existsSync(join(reports, 'index.html'))).toBe(true);
  });

  test('without a console reporter, `nox-testkit run` says why on stderr', async () => {
    const { cli } = exitingApp();
    const quiet = await runCli([...cli, '--grep', 'forged', '--no-pact', '--reporter', 'junit']);
    expect(quiet.code).toBe(4);
    expect(quiet.stderr).toMatch(
      /^nox-testkit run: The supplier app exited with code 3 [\s\S]*\[SUPPLIER_START_FAILED\]\n$/,
    );
  });
});
