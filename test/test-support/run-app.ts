import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runWithMock } from '../../cli/run-with-mock.ts';
import { loadConfig } from '../../harness/config/define-config.ts';
import type { RunResult, RunSettings, Scenario, SupplierHooks } from '../../harness/index.ts';

/**
 * Runs scenarios with the real runner against the app a config file starts, with extra env for the app,
 * optionally another supplier name and more hooks (the config module is cached once imported, so they
 * are set in a copy of the config, not through process.env).
 */
export async function runApp(
  configFile: string,
  scenarios: Scenario[],
  options: {
    env?: Record<string, string>;
    name?: string;
    /** Hooks added to (or replacing) the config's own. */
    hooks?: Partial<SupplierHooks>;
    shard?: RunSettings['shard'];
  } = {},
): Promise<RunResult> {
  const { config } = await loadConfig(configFile);
  const start = config.supplier.start;
  if (!start) throw new Error(`${configFile} does not start its app`);
  const supplier = {
    ...config.supplier,
    name: options.name ?? config.supplier.name,
    start: { ...start, env: { ...start.env, ...options.env } },
    hooks: { ...config.supplier.hooks, ...options.hooks },
  };
  return runWithMock({
    config: { ...config, supplier },
    configDir: dirname(configFile),
    settings: {
      workers: 2,
      retries: 0,
      reportDir: join(mkdtempSync(join(tmpdir(), 'nox-app-')), 'reports'),
      strict: false,
      timeoutMs: 30_000,
      tags: [],
      shard: options.shard,
    },
    scenarios,
    reporters: [],
  });
}
