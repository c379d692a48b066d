import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runWithMock } from '../../cli/run-with-mock.ts';
import { loadConfig } from '../../harness/config/define-config.ts';
import { builtInScenarioDir, loadScenarios } from '../../harness/runner/load-scenarios.ts';

// The Python app (stdlib only) through the real harness, with its adapter of two required hooks: every
// scenario that runs passes, and most of flow 1 runs.
test('the Python supplier passes every flow-1 scenario it can run with the two required hooks', async () => {
  const { config, dir } = await loadConfig(join(import.meta.dirname, 'nox-testkit.config.ts'));
  expect(Object.keys(config.supplier.hooks).sort()).toEqual(['readOutcome', 'startConnection']);
  const reportDir = mkdtempSync(join(tmpdir(), 'nox-python-'));
  try {
    const all = await loadScenarios([builtInScenarioDir]);
    const result = await runWithMock({
      config,
      configDir: dir,
      settings: { workers: 2, retries: 0, reportDir, strict: true, timeoutMs: 30_000, tags: [] },
      scenarios: all.filter((s) => (s.flow ?? 'supplier-app') === 'supplier-app'),
      reporters: [],
    });
    const failed = result.scenarios.filter((s) => s.status === 'failed');
    // As one string, so a failure shows every message in full.
    expect(failed.map((s) => `${s.id}: ${s.failure?.code} ${s.failure?.message}`).join('\n')).toBe('');
    expect(result.exit_code).toBe(0);
    const ran = result.scenarios.filter((s) => s.status === 'passed');
    expect(ran.length / result.scenarios.length).toBeGreaterThanOrEqual(0.75);
    // The webhook receiver is graded by its answers: NOX's deliveries acknowledged, a forged one refused.
    expect(ran.map((s) => s.id)).toEqual(
      expect.arrayContaining(['webhook-forged-signature-is-refused', 'webhook-replay-is-processed-once']),
    );
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}, 400_000);
