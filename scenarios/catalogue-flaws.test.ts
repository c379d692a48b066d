import { describe, expect, test } from 'vitest';
import type { SupplierFlaw } from '../examples/reference-supplier/supplier-flaws.ts';
import { alsoCaught, type Catch, catches } from './test-support/flaw-catches.ts';
import { outcomes, runAgainst } from './test-support/run-catalogue.ts';

describe('the built-in catalogue against the reference supplier with each of its deliberate flaws', () => {
  const rows = [...(Object.entries(catches) as [SupplierFlaw, Catch][]), ...alsoCaught].map(
    ([flaw, { scenario, says }]) => [flaw, scenario, says] as const,
  );
  test.each(rows)(
    'catches SUPPLIER_FLAW=%s in %s',
    async (flaw, scenario, says) => {
      const result = await runAgainst(flaw, [scenario]);
      const caught = result.scenarios.find((s) => s.id === scenario);
      expect(caught?.status, outcomes(result).join('\n')).toBe('failed');
      expect(caught?.failure?.message).toContain(says);
      // An advisory scenario warns: its failure fails the run only with --strict.
      expect(result.exit_code).toBe(caught?.severity === 'required' ? 1 : 0);
    },
    90_000,
  );
});
