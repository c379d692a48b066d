// `nox-testkit run` itself, loaded by its command only when it runs (cli/run-command.ts defines the options).
import { resolve } from 'node:path';
import { buildPact } from '../contracts/index.ts';
import {
  createReporters,
  loadConfig,
  type RunResult,
  type RunSettings,
  selectScenarios,
} from '../harness/index.ts';
import { lastFailed } from './last-failed.ts';
import { configFileOf, loadCatalogue } from './load-catalogue.ts';
import { runPactStep } from './pact-step.ts';
import { UsageError } from './report-failure.ts';
import { type RunFlags, resolveReporters, resolveRunSettings } from './run-settings.ts';
import { runWithMock } from './run-with-mock.ts';
import { writeScenarioList } from './scenarios-command.ts';

/** `nox-testkit run`: returns the exit code; a usage error is thrown (see report-failure.ts). */
export async function runCommand(flags: RunFlags): Promise<number> {
  const { config, dir, name, file } = await loadConfig(configFileOf(flags.config).file);
  const settings = resolveRunSettings(flags, process.env, config, name);
  const reporterKinds = resolveReporters(flags, process.env, config, name);
  const selected = selectScenarios(await loadCatalogue(config, dir), settings);
  const scenarios = flags.lastFailed ? lastFailed(selected, settings.reportDir) : selected;
  if (flags.lastFailed && scenarios.length === 0 && selected.length > 0) {
    process.stdout.write(
      `No scenario failed in the last run (${settings.reportDir}/results.json): nothing to run again.\n`,
    );
    return 0;
  }
  if (scenarios.length === 0)
    throw new UsageError('no scenario matches --grep/--tag/--shard; "nox-testkit scenarios" lists them');
  if (flags.list) {
    writeScenarioList(scenarios);
    return 0;
  }
  const abort = new AbortController();
  // First Ctrl-C (or SIGTERM): no new scenario starts, the running ones finish, everything is torn down
  // and reported. Second: exit at once (the started app's process group is killed on exit).
  const onSignal = () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write('\nStopping after the running scenarios; Ctrl-C again to quit at once.\n');
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await runWithMock({
      config,
      configDir: dir,
      configFile: file,
      settings,
      scenarios,
      reporters: createReporters(reporterKinds),
      signal: abort.signal,
    });
    if (abort.signal.aborted) return 130;
    // A console reporter printed why nothing ran; without one, stderr says it.
    if (result.error && !printsToConsole(reporterKinds))
      process.stderr.write(`nox-testkit run: ${result.error.message} [${result.error.code}]\n`);
    if (result.error) return result.exit_code;
    const { pactDir } = settings;
    if (!pactDir) return result.exit_code;
    return runPactStep(
      () => writeRunPact(result, pactDir, partOfCatalogue(settings, flags)),
      result.exit_code,
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function printsToConsole(kinds: readonly string[] | undefined): boolean {
  return kinds === undefined || kinds.some((k) => ['list', 'line', 'dot', 'console'].includes(k));
}

/** Why the run covers only part of the catalogue (its pact would replace the whole one), or undefined. */
function partOfCatalogue(settings: RunSettings, flags: RunFlags): string | undefined {
  if (flags.pactDir || (!settings.grep && settings.tags.length === 0 && !settings.shard)) return undefined;
  return 'the run selected part of the catalogue (--grep, --tag or --shard), whose pact would replace the whole one; pass --pact-dir to write it anyway';
}

async function writeRunPact(result: RunResult, dir: string, partial?: string): Promise<void> {
  if (partial) {
    process.stdout.write(`  No pact written: ${partial}.\n`);
    return;
  }
  const { file, reason } = await buildPact(result, resolve(dir));
  process.stdout.write(file ? `  Pact written: ${file}\n` : `  No pact written: ${reason}.\n`);
}
