import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { envValue, precedence } from '../common/precedence.ts';
import {
  builtInScenarioDir,
  defaultConfigFile,
  loadScenarios,
  type NoxTestkitConfig,
  type Scenario,
} from '../harness/index.ts';

/** The config file a command reads: --config, then NOX_TESTKIT_CONFIG, then nox-testkit.config.ts. */
export function configFileOf(flag: string | undefined): { file: string; given: boolean } {
  const { value, from } = precedence({
    flag,
    env: envValue(process.env, 'NOX_TESTKIT_CONFIG'),
    default: defaultConfigFile,
  });
  return { file: value as string, given: from !== 'default' };
}

/** Whether a command may go on without a config: none was named and the default one does not exist. */
export function isConfigAbsent(config: { file: string; given: boolean }): boolean {
  return !config.given && !existsSync(config.file);
}

/** The built-in catalogue and the config's scenarioDirs (relative to the config file's folder). */
export function loadCatalogue(config: NoxTestkitConfig | undefined, dir: string): Promise<Scenario[]> {
  const own = (config?.scenarioDirs ?? []).map((d) => resolve(dir, d));
  return loadScenarios([builtInScenarioDir, ...own]);
}
