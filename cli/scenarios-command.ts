import type { Command } from 'commander';
import type { Scenario } from '../harness/index.ts';

const description = [
  `Lists the scenarios a run would choose from: the built-in catalogue and your config's scenarioDirs, with severity and tags (use them with "nox-testkit run --grep/--tag"; "run --list" shows what a run would run). Without a config file only the built-in catalogue is listed; a config file that is there is checked as "run" checks it.`,
].join('\n\n');

/** `nox-testkit scenarios`. */
export function defineScenariosCommand(program: Command): void {
  program
    .command('scenarios')
    .summary('list the scenarios (built-in and your own) with severity and tags')
    .description(description)
    .option(
      '--config <file>',
      'the config file whose scenarioDirs to add (env NOX_TESTKIT_CONFIG, default nox-testkit.config.ts)',
    )
    .option('--json', 'print them as JSON')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      '\nExamples (in your project, where nox-testkit is installed):\n  npx nox-testkit scenarios\n  npx nox-testkit scenarios --json --config ci/nox-testkit.config.ts',
    )
    .action(async (flags: { config?: string; json?: boolean }) => {
      process.exitCode = await scenariosCommand(flags);
    });
}

/** `nox-testkit scenarios`: the catalogue, one line per scenario (or JSON). */
export async function scenariosCommand(flags: { config?: string; json?: boolean }): Promise<number> {
  // Loaded to list, not to define the command: `--help` loads no harness.
  const [{ loadConfig }, { configFileOf, isConfigAbsent, loadCatalogue }] = await Promise.all([
    import('../harness/index.ts'),
    import('./load-catalogue.ts'),
  ]);
  const configFile = configFileOf(flags.config);
  const loaded = isConfigAbsent(configFile) ? undefined : await loadConfig(configFile.file);
  const scenarios = await loadCatalogue(loaded?.config, loaded?.dir ?? '.');
  writeScenarioList(scenarios, flags.json);
  return 0;
}

/** The scenarios as a table (id, severity, tags, name) and a count, or as JSON. */
export function writeScenarioList(scenarios: Scenario[], json = false): void {
  if (json) {
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
    return;
  }
  const width = Math.max(...scenarios.map((s) => s.id.length));
  for (const s of scenarios)
    process.stdout.write(
      `${s.id.padEnd(width)}  ${s.severity.padEnd(8)}  ${s.tags.join(',').padEnd(28)}  ${s.name}\n`,
    );
  process.stdout.write(
    `\n${scenarios.length} scenarios (${scenarios.filter((s) => s.severity === 'required').length} required)\n`,
  );
}
