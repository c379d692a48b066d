import { describe, expect, test } from 'vitest';
import { builtInScenarioDir, loadScenarios } from '../harness/runner/load-scenarios.ts';
import { alsoCaught, alsoPassing, catches } from './test-support/flaw-catches.ts';
import { outcomes, runAgainst } from './test-support/run-catalogue.ts';

// Each flaw's own run is in catalogue-flaws.test.ts, so that another worker runs them beside these two.
describe('the built-in catalogue against the reference supplier', () => {
  // One run with several workers for all of them: a supplier and a browser per run is the slow part.
  test('passes against the correct supplier', async () => {
    const caught = [...Object.values(catches), ...alsoCaught.map(([, c]) => c)].map((c) => c.scenario);
    const ids = [...new Set([...caught, ...alsoPassing])];
    const result = await runAgainst('', ids);
    expect(outcomes(result).sort()).toEqual(ids.map((id) => `${id}: passed`).sort());
    expect(result.exit_code).toBe(0);
  }, 240_000);

  // Every flow-2 scenario whose browser gets back to NOX: each is a verdict saying where the browser went
  // (a harness timeout reading NOX's return page was a SCENARIO_ERROR). The expired login ends at the supplier.
  test('gives a verdict, never a harness error, when the supplier returns to NOX without state', async () => {
    const all = await loadScenarios([builtInScenarioDir]);
    const flow2 = all.filter((s) => s.flow === 'manufacturer-app').map((s) => s.id);
    const result = await runAgainst('return-without-state', flow2);
    const harnessErrors = result.scenarios.filter(
      (s) => s.failure && s.failure.code !== 'EXPECTATION_FAILED',
    );
    expect(harnessErrors.map((s) => `${s.id}: ${s.failure?.message}`)).toEqual([]);
    const failed = result.scenarios.filter((s) => s.failure);
    for (const s of failed) expect(s.failure?.actual, s.id).toMatch(/\/ui\/supplier-return\S* without state/);
    // Only a scenario whose browser never gets back to NOX (the expired login) can pass.
    expect(result.scenarios.filter((s) => !s.failure).map((s) => s.id)).toEqual([
      'oauth-login-after-expiry-fails',
    ]);
    expect(failed.length).toBe(flow2.length - 1);
  }, 240_000);
});
