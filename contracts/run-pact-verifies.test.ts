import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { builtInScenarioDir, loadScenarios, selectScenarios } from '../harness/runner/load-scenarios.ts';
import { runAgainstReferenceSupplier } from '../test/support/run-reference-supplier.ts';
import { buildPact } from './build-pact.ts';

const root = resolve(import.meta.dirname, '..');
const cli = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'cli/nox-testkit.ts'), ...args]).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

describe('the pact of a run against the reference supplier', () => {
  test('is written from the green run and every interaction verifies with nox-testkit verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nox-run-pact-'));
    const all = await loadScenarios([builtInScenarioDir]);
    const scenarios = selectScenarios(all, { tags: ['happy-path', 'settings', 'security'] });
    const result = await runAgainstReferenceSupplier(scenarios, { reportDir: join(dir, 'reports') });
    expect(result.exit_code).toBe(0);
    const { file } = await buildPact(result, join(dir, 'pacts'));
    const pact = JSON.parse(readFileSync(file ?? '', 'utf8'));
    const paths = new Set(pact.interactions.map((i: { request: { path: string } }) => i.request.path));
    expect([...paths].sort()).toEqual([
      '/v1/devices',
      '/v1/devices/pv',
      '/v1/devices/settings',
      '/v2/supplier/link-sessions',
    ]);

    const verified = await cli(['verify', '--pact', join(dir, 'pacts')]);
    expect(verified.out).toContain('All interactions verified.');
    expect(verified.code).toBe(0);

    pact.interactions[0].response.status = 299;
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(pact));
    const broken = await cli(['verify', '--pact', join(dir, 'broken.json')]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('expected 299 but was');
  }, 90_000);

  test('verify says where to find pacts when there are none', async () => {
    const missing = await cli(['verify', '--pact', join(tmpdir(), 'no-such-pacts')]);
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('Run "nox-testkit run" first');
  });
});
