import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { builtInScenarioDir, defaultConfigFile, loadConfig, loadScenarios } from '../harness/index.ts';

export const scenariosHelp = `Usage: nox-testkit scenarios [--config FILE] [--json]

Lists the scenarios a run would choose from: the built-in catalogue and your config's scenarioDirs,
with severity and tags (use them with "nox-testkit run --grep/--tag").
`;

/** `nox-testkit scenarios`: the catalogue, one line per scenario (or JSON). */
export async function scenariosCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { config: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(scenariosHelp);
    return 0;
  }
  const configFile = values.config ?? process.env.NOX_TESTKIT_CONFIG ?? defaultConfigFile;
  const extra = await loadConfig(configFile).then(
    ({ config, dir }) => (config.scenarioDirs ?? []).map((d) => resolve(dir, d)),
    () => [],
  );
  const scenarios = await loadScenarios([builtInScenarioDir, ...extra]);
  if (values.json) {
    const rows = scenarios.map(({ id, name, severity, tags, rule, docs, needs, exclusive }) => ({
      id,
      name,
      severity,
      tags,
      rule,
      docs,
      needs,
      exclusive,
    }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...scenarios.map((s) => s.id.length));
  for (const s of scenarios)
    process.stdout.write(
      `${s.id.padEnd(width)}  ${s.severity.padEnd(8)}  ${s.tags.join(',').padEnd(28)}  ${s.name}\n`,
    );
  process.stdout.write(
    `\n${scenarios.length} scenarios (${scenarios.filter((s) => s.severity === 'required').length} required)\n`,
  );
  return 0;
}
