import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { importModule } from '../../common/load-config-file.ts';
import type { RunSettings } from '../config/define-config.ts';
import { HarnessError } from '../errors.ts';
import type { Scenario, ScenarioDefinition } from '../scenario/define-scenario.ts';

/** The built-in catalogue: one scenario per file in scenarios/. */
export const builtInScenarioDir = resolve(import.meta.dirname, '..', '..', 'scenarios');

/**
 * Every scenario file of the folders, in file-name order; a file without a scenario is a config error.
 * Loaded like the config file, so a supplier's `.ts` scenarios work in an ESM and a CommonJS project.
 */
export async function loadScenarios(dirs: string[]): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir))
      throw new HarnessError('CONFIG_INVALID', `The scenario folder ${dir} does not exist.`);
    const files = readdirSync(dir)
      .filter((f) => /\.(ts|js|mjs)$/.test(f) && !/\.(test|d)\.ts$/.test(f))
      .sort();
    for (const file of files) {
      const module = (await importModule(join(dir, file))) as { default?: ScenarioDefinition };
      const definition = module.default;
      if (!definition || typeof definition.run !== 'function') {
        throw new HarnessError(
          'CONFIG_INVALID',
          `${join(dir, file)} must export default defineScenario({ ... }).`,
        );
      }
      scenarios.push({ ...definition, id: basename(file).replace(/\.(ts|js|mjs)$/, '') });
    }
  }
  return scenarios;
}

/** --grep (on id and name), --tag (any of, in any case, like --grep), then --shard i/n of what is left. */
export function selectScenarios(
  scenarios: Scenario[],
  settings: Pick<RunSettings, 'grep' | 'tags' | 'shard'>,
): Scenario[] {
  const tags = settings.tags.map((tag) => tag.toLowerCase());
  const chosen = scenarios
    .filter((s) => !settings.grep || settings.grep.test(s.id) || settings.grep.test(s.name))
    .filter((s) => tags.length === 0 || s.tags.some((tag) => tags.includes(tag.toLowerCase())));
  const shard = settings.shard;
  return shard ? chosen.filter((_, i) => i % shard.count === shard.index - 1) : chosen;
}
