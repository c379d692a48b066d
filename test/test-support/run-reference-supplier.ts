import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runWithMock as run } from '../../cli/run-with-mock.ts';
import { loadConfig } from '../../harness/config/define-config.ts';
import type { RunResult, Scenario } from '../../harness/index.ts';

const root = resolve(import.meta.dirname, '..', '..');

/**
 * Runs scenarios with the real runner against the demo config's reference supplier, optionally started
 * with one of its deliberate flaws (set in a copy of the config: the config module is cached once imported).
 */
export async function runAgainstReferenceSupplier(
  scenarios: Scenario[],
  options: { flaw?: string; reportDir?: string } = {},
): Promise<RunResult> {
  const { config } = await loadConfig(join(root, 'nox-testkit.config.ts'));
  const start = config.supplier.start;
  if (!start) throw new Error('The demo config no longer starts the reference supplier');
  const supplier = {
    ...config.supplier,
    start: { ...start, env: { ...start.env, SUPPLIER_FLAW: options.flaw ?? '' } },
  };
  return run({
    config: { ...config, supplier },
    configDir: root,
    settings: {
      workers: 4,
      retries: 0,
      reportDir: options.reportDir ?? join(mkdtempSync(join(tmpdir(), 'nox-reference-')), 'reports'),
      strict: false,
      timeoutMs: 30_000,
      tags: [],
    },
    scenarios,
    reporters: [],
  });
}
