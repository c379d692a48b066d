import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SupplierFlaw } from '../examples/reference-supplier/supplier-flaws.ts';
import type { RunResult } from '../harness/index.ts';
import { builtInScenarioDir, loadScenarios, selectScenarios } from '../harness/runner/load-scenarios.ts';
import { runAgainstReferenceSupplier } from '../test/support/run-reference-supplier.ts';

/** For each deliberate bug of the reference supplier: the scenario that catches it and what its failure says. */
const catches: Record<SupplierFlaw, { scenario: string; says: string }> = {
  'trust-callback-user': {
    scenario: 'forged-callback-for-another-customer-is-refused',
    says: 'the supplier shows "connected"',
  },
  'ignore-callback-errors': {
    scenario: 'cancel-at-manufacturer-shows-failure',
    says: 'the supplier shows "connected"',
  },
  'omit-asset-type': { scenario: 'pv-devices-read-from-pv-endpoint', says: 'a PV brand needs pv' },
  'skip-device-fetch': { scenario: 'devices-read-only-for-callback-user', says: 'no device read at all' },
  'fetch-all-devices': {
    scenario: 'devices-read-only-for-callback-user',
    says: 'without user_id or device_id',
  },
  'wrong-redirect-url': {
    scenario: 'redirect-url-is-on-allow-list',
    says: 'is not one of the allowed redirect URLs',
  },
  'no-error-page': { scenario: 'nox-error-on-link-creation-shows-error-page', says: 'Internal Server Error' },
};

/** Runs these built-in scenarios against the reference supplier, started with `flaw`. */
async function runAgainst(flaw: SupplierFlaw | '', ids: string[]): Promise<RunResult> {
  const all = await loadScenarios([builtInScenarioDir]);
  const scenarios = selectScenarios(all, { grep: new RegExp(`^(${ids.join('|')})$`), tags: [] });
  expect(scenarios.map((s) => s.id).sort()).toEqual([...ids].sort());
  const reportDir = mkdtempSync(join(tmpdir(), `nox-catalogue-${flaw || 'correct'}-`));
  try {
    return await runAgainstReferenceSupplier(scenarios, { flaw, reportDir });
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

const outcomes = (result: RunResult) =>
  result.scenarios.map((s) => `${s.id}: ${s.status} ${s.failure?.message ?? s.reason ?? ''}`.trim());

describe('the built-in catalogue against the reference supplier', () => {
  test('passes against the correct supplier', async () => {
    const ids = [...new Set(Object.values(catches).map((c) => c.scenario)), 'v2-heat-pump-happy-path'];
    const result = await runAgainst('', ids);
    expect(outcomes(result).sort()).toEqual(ids.map((id) => `${id}: passed`).sort());
    expect(result.exit_code).toBe(0);
  }, 90_000);

  test.each(Object.entries(catches) as [SupplierFlaw, { scenario: string; says: string }][])(
    'catches SUPPLIER_FLAW=%s',
    async (flaw, { scenario, says }) => {
      const result = await runAgainst(flaw, [scenario]);
      const caught = result.scenarios.find((s) => s.id === scenario);
      expect(caught?.status, outcomes(result).join('\n')).toBe('failed');
      expect(caught?.failure?.message).toContain(says);
      expect(result.exit_code).toBe(1);
    },
    90_000,
  );
});
