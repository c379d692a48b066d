import { resolve } from 'node:path';
import { ConfigFileError, loadConfigFile } from '../../common/load-config-file.ts';
import { HarnessError } from '../errors.ts';
import type { SupplierAdapter } from './supplier-adapter.ts';

/** The whole of nox-testkit.config.ts. */
export interface NoxTestkitConfig {
  supplier: SupplierAdapter;
  /** The mock NOX: started in-process unless `url` names a running one (e.g. `nox-testkit serve` elsewhere). */
  mock?: { url?: string };
  /** Folders (relative to the config file) with your own scenario files, run next to the built-in catalogue. */
  scenarioDirs?: string[];
  /** Defaults for `nox-testkit run`; flags and env variables win over them. */
  run?: Partial<Pick<RunSettings, 'workers' | 'retries' | 'reportDir' | 'strict' | 'timeoutMs' | 'pactDir'>>;
}

/** The settings of one run, after flag, env, config and default were weighed. */
export interface RunSettings {
  workers: number;
  retries: number;
  reportDir: string;
  strict: boolean;
  timeoutMs: number;
  grep?: RegExp;
  tags: string[];
  shard?: { index: number; count: number };
  mockUrl?: string;
  /** Where the run writes its Pact file; undefined with --no-pact. */
  pactDir?: string;
}

/** Types a config file; returns it unchanged. */
export function defineConfig(config: NoxTestkitConfig): NoxTestkitConfig {
  return config;
}

export const defaultConfigFile = 'nox-testkit.config.ts';

/** Loads and checks a config file; every problem names the field and what is expected. */
export async function loadConfig(file: string): Promise<{ config: NoxTestkitConfig; dir: string }> {
  let loaded: { file: string; config: unknown };
  try {
    loaded = await loadConfigFile(file);
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    throw new HarnessError(
      'CONFIG_INVALID',
      error.reason === 'missing'
        ? `No config file at ${error.file}. Create ${defaultConfigFile} (see the README, "Adapter reference") or pass --config FILE.`
        : `Cannot load ${error.file}: ${error.message}`,
    );
  }
  const { file: path, config } = loaded;
  checkConfig(config, path);
  return { config, dir: resolve(path, '..') };
}

function checkConfig(config: unknown, path: string): asserts config is NoxTestkitConfig {
  const fail = (what: string) => {
    throw new HarnessError('CONFIG_INVALID', `${path}: ${what}`);
  };
  const c = config as Partial<NoxTestkitConfig> | undefined;
  if (!c || typeof c !== 'object') fail('the default export must be defineConfig({ supplier: { ... } })');
  const s = c?.supplier;
  if (!s || typeof s !== 'object') return fail('supplier is required');
  if (typeof s.name !== 'string' || s.name.trim() === '') fail('supplier.name must be a non-empty string');
  if (!s.start?.command && !s.url)
    fail('give supplier.start.command (to start the app) or supplier.url (a running app)');
  if (s.url !== undefined && !URL.canParse(s.url))
    fail(`supplier.url must be an absolute URL, got "${s.url}"`);
  for (const hook of ['startConnection', 'readOutcome'] as const) {
    if (typeof s.hooks?.[hook] !== 'function') fail(`supplier.hooks.${hook} must be a function`);
  }
  if (s.hooks?.readBack !== undefined && typeof s.hooks.readBack !== 'function')
    fail('supplier.hooks.readBack must be a function');
}
