import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPact } from '../contracts/index.ts';
import {
  builtInScenarioDir,
  createReporters,
  defaultConfigFile,
  HarnessError,
  loadConfig,
  loadScenarios,
  type RunResult,
  type RunSettings,
  selectScenarios,
} from '../harness/index.ts';
import { runPactStep } from './pact-step.ts';
import { type RunFlags, resolveRunSettings, runDefaults, runEnv } from './run-settings.ts';
import { runWithMock } from './run-with-mock.ts';

export const runHelp = `Usage: nox-testkit run [options]

Starts the mock NOX, a fresh organisation and your supplier app (from ${defaultConfigFile}), then drives
the app through every documented NOX flow in headless Chromium and grades it. Writes reports/junit.xml,
reports/results.json and reports/index.html; exits 1 when a required scenario fails (or, with --strict,
an advisory one), 3 when the scenarios passed but the Pact file could not be written (a nox-testkit error).

Options (flag, then env variable, then the config file's "run" section, then default):
  --config FILE      the config file                               [NOX_TESTKIT_CONFIG] (default ${defaultConfigFile})
  --workers N        scenarios at a time                           [${runEnv.workers}] (default ${runDefaults.workers})
  --grep TEXT        only scenarios whose id or name matches (a case-insensitive regular expression)
  --tag TAG          only scenarios with this tag (repeat or comma-separate for several)
  --shard I/N        only the I-th of N equal shares, for parallel CI jobs
  --retries N        run a failing scenario again up to N times    [${runEnv.retries}] (default 0)
  --strict           advisory failures fail the run too            [${runEnv.strict}=1]
  --report-dir DIR   where the reports go                          [${runEnv.reportDir}] (default ${runDefaults.reportDir})
  --timeout MS       per scenario                                  (default ${runDefaults.timeoutMs})
  --mock-url URL     use a mock already running there              [${runEnv.mockUrl}]
  --pact-dir DIR     where a green run writes its Pact file        [${runEnv.pactDir}] (default ${runDefaults.pactDir})
  --no-pact          write no Pact file
  -h, --help         show this help

Examples:
  npm run demo                                       # the whole catalogue against the reference supplier
  nox-testkit run --tag expiry --workers 2
  nox-testkit run --shard 1/3 --report-dir reports/shard-1
`;

/** `nox-testkit run`: returns the exit code. */
export async function runCommand(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    process.stderr.write(
      `nox-testkit run: ${(error as Error).message}\nRun "nox-testkit run --help" for the options.\n`,
    );
    return 2;
  }
  if (values.help) {
    process.stdout.write(runHelp);
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
    const { config, dir } = await loadConfig(
      values.config ?? process.env.NOX_TESTKIT_CONFIG ?? defaultConfigFile,
    );
    const settings = resolveRunSettings(values as RunFlags, process.env, config);
    const all = await loadScenarios([
      builtInScenarioDir,
      ...(config.scenarioDirs ?? []).map((d) => resolve(dir, d)),
    ]);
    const scenarios = selectScenarios(all, settings);
    if (scenarios.length === 0)
      throw new HarnessError(
        'CONFIG_INVALID',
        'No scenario matches --grep/--tag/--shard; "nox-testkit scenarios" lists them.',
      );
    const result = await runWithMock({
      config,
      configDir: dir,
      settings,
      scenarios,
      reporters: createReporters(),
      signal: abort.signal,
    });
    if (abort.signal.aborted) return 130;
    const { pactDir } = settings;
    if (!pactDir) return result.exit_code;
    return runPactStep(
      () => writeRunPact(result, pactDir, partOfCatalogue(settings, values)),
      result.exit_code,
    );
  } catch (error) {
    const code = error instanceof HarnessError ? error.code : 'ERROR';
    process.stderr.write(`nox-testkit run: ${(error as Error).message} [${code}]\n`);
    return code === 'CONFIG_INVALID' ? 2 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Why the run covers only part of the catalogue (its pact would replace the whole one), or undefined. */
function partOfCatalogue(settings: RunSettings, flags: { 'pact-dir'?: string }): string | undefined {
  if (flags['pact-dir'] || (!settings.grep && settings.tags.length === 0 && !settings.shard))
    return undefined;
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

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      workers: { type: 'string' },
      grep: { type: 'string' },
      tag: { type: 'string', multiple: true },
      shard: { type: 'string' },
      retries: { type: 'string' },
      strict: { type: 'boolean' },
      'report-dir': { type: 'string' },
      timeout: { type: 'string' },
      'mock-url': { type: 'string' },
      'pact-dir': { type: 'string' },
      'no-pact': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
