import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SupplierFlaw } from '../../examples/reference-supplier/supplier-flaws.ts';
import type { RunResult } from '../../harness/index.ts';
import { builtInScenarioDir, loadScenarios, selectScenarios } from '../../harness/runner/load-scenarios.ts';
import { runAgainstReferenceSupplier } from '../../test/test-support/run-reference-supplier.ts';

/** Runs these built-in scenarios against the reference supplier, started with `flaw`. */
export async function runAgainst(flaw: SupplierFlaw | '', ids: string[]): Promise<RunResult> {
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

/** Each scenario's id, status and failure message, one line each. */
export const outcomes = (result: RunResult) =>
  result.scenarios.map((s) => `${s.id}: ${s.status} ${s.failure?.message ?? s.reason ?? ''}`.trim());
