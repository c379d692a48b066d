import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runAgainstReferenceSupplier } from '../../test/test-support/run-reference-supplier.ts';
import { loadScenarios } from './load-scenarios.ts';

const harnessEntry = join(import.meta.dirname, '..', 'index.ts');

/** Each copy links its own customer with its own account and checks the supplier stored exactly its own NOX user and devices. */
const isolatedLink = (n: number) => `import { defineScenario } from ${JSON.stringify(harnessEntry)};
export default defineScenario({ name: 'links customer ${n} on its own', rule: 'Parallel scenarios are isolated.', severity: 'required', tags: ['parallel'], needs: ['readBack'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username('devices${(n % 3) + 1}'));
    await t.expect.connected();
    const noxUser = await t.platform.noxUser();
    t.expect.that(noxUser?.device_ids.length === ${(n % 3) + 1}, '${(n % 3) + 1} devices', String(noxUser?.device_ids.length));
    await t.expect.readBack({ nox_user_id: noxUser?.id ?? null, device_ids: noxUser?.device_ids });
  } });`;

describe('parallel workers', () => {
  test('scenarios running at the same time against one supplier and one organisation do not interfere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nox-parallel-'));
    mkdirSync(join(dir, 'scenarios'));
    for (let n = 1; n <= 6; n++) writeFileSync(join(dir, 'scenarios', `link-${n}.ts`), isolatedLink(n));
    const result = await runAgainstReferenceSupplier(await loadScenarios([join(dir, 'scenarios')]), {
      reportDir: join(dir, 'reports'),
    });
    const failures = result.scenarios
      .filter((s) => s.status !== 'passed')
      .map((s) => `${s.id}: ${s.failure?.message ?? s.reason}`);
    expect(failures).toEqual([]);
    expect(result.counts.passed).toBe(6);
    // They did run at the same time: the run took less than its scenarios one after another.
    expect(result.duration_ms).toBeLessThan(result.scenarios.reduce((sum, s) => sum + s.duration_ms, 0));
  }, 90_000);
});
