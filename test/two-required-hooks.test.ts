import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { runWithMock } from '../cli/run-with-mock.ts';
import { loadConfig } from '../harness/config/define-config.ts';
import { builtInScenarioDir, loadScenarios } from '../harness/runner/load-scenarios.ts';

const smallSupplier = resolve(import.meta.dirname, 'test-support', 'small-supplier');

/** The flow-1 scenarios a correct app with only startConnection and readOutcome (and webhookPath) cannot run. */
const stillSkipped = {
  // Only the app's own state shows these.
  'cancel-leaves-customer-not-connected': ['readBack'],
  'replayed-callback-does-not-switch-back': ['readBack'],
  'webhook-retried-after-5xx-is-processed-once': ['readBack', 'failNextWebhook'],
  // The change starts in the app, or shows only on its page.
  'flex-trading-turns-other-optimisations-off': ['changeSettings'],
  'settings-change-reaches-nox': ['changeSettings'],
  'settings-refused-by-nox-is-shown': ['changeSettings'],
  'supplier-settings-change-reaches-manufacturer': ['changeSettings'],
  'manufacturer-settings-change-reaches-supplier': ['readSettings'],
  // Not for what the adapter lacks: the app uses v2.
  'v1-happy-path': undefined,
};

// A small supplier app written for tests (not the reference supplier), with the two required hooks only.
test('a small correct app with only the two required hooks runs at least 75% of flow 1, all green', async () => {
  const { config } = await loadConfig(join(smallSupplier, 'nox-testkit.config.ts'));
  expect(Object.keys(config.supplier.hooks).sort()).toEqual(['readOutcome', 'startConnection']);
  const reportDir = mkdtempSync(join(tmpdir(), 'nox-two-hooks-'));
  try {
    const result = await runWithMock({
      config: { ...config, supplier: { ...config.supplier, webhookPath: '/webhooks' } },
      configDir: smallSupplier,
      settings: { workers: 2, retries: 0, reportDir, strict: false, timeoutMs: 30_000, tags: [] },
      scenarios: await loadScenarios([builtInScenarioDir]),
      reporters: [],
    });
    const failed = result.scenarios.filter((s) => s.status === 'failed');
    // As one string, so a failure shows every message in full.
    expect(failed.map((s) => `${s.id}: ${s.failure?.code} ${s.failure?.message}`).join('\n')).toBe('');
    expect(result.exit_code).toBe(0);

    const flow1 = result.scenarios.filter((s) => s.flow === 'supplier-app');
    const ran = flow1.filter((s) => s.status === 'passed');
    const skipped = Object.fromEntries(
      flow1.filter((s) => s.status === 'skipped').map((s) => [s.id, s.missing]),
    );
    expect(skipped).toEqual(stillSkipped);
    expect(ran.length / flow1.length).toBeGreaterThanOrEqual(0.75);
    console.info(`flow 1 with the two required hooks: ${ran.length} of ${flow1.length} ran`);

    // What was left out is said, per scenario and once for the run.
    const happy = result.scenarios.find((s) => s.id === 'v2-heat-pump-happy-path');
    expect(happy?.not_checked).toEqual([
      {
        check: expect.stringMatching(/^that the supplier stored NOX user \S+ and its devices/),
        missing: 'readBack',
      },
    ]);
    const readBack = result.untested?.find((u) => u.add.join() === 'readBack');
    expect(readBack?.scenarios.sort()).toEqual([
      'cancel-leaves-customer-not-connected',
      'replayed-callback-does-not-switch-back',
    ]);
    expect(readBack?.checks_in).toContain('forged-callback-for-another-customer-is-refused');
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}, 400_000);
