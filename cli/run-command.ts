import type { Command } from 'commander';
import { defaultConfigFile, reporterNames, traceModes } from '../harness/config/index.ts';
import { collect, type RunFlags, runDefaults, runEnv } from './run-settings.ts';

const description = [
  `Starts the mock NOX, a fresh organisation and your supplier app (from ${defaultConfigFile}), then drives the app through every documented NOX flow in headless Chromium and grades it. Writes reports/junit.xml, reports/results.json and reports/index.html; exits 1 when a required scenario fails (or, with --strict, an advisory one), 2 on a bad flag, env variable or config value, 3 when the scenarios passed but a report or the Pact file could not be written, 4 when the mock, your app or Chromium could not start (the reports still say why), 130 when stopped with Ctrl-C (docs/ci.md, "Exit codes").`,
  `Each setting is taken from its flag, then its env variable, then the config file's "run" section (workers, retries, reportDir, strict, timeoutMs, pactDir, reporter, trace, headed; mock.url), then the default.`,
].join('\n\n');

const examples = `
Examples (in your project, where nox-testkit is installed):
  npx nox-testkit run                                # the whole catalogue against your app
  npx nox-testkit run --tag expiry --workers 2
  npx nox-testkit run --shard 1/3 --report-dir reports/shard-1
  npx nox-testkit run --grep forged --list           # which scenarios would run, starting nothing
  npx nox-testkit run --reporter list,junit          # the console summary and JUnit XML only
  npx nox-testkit run --last-failed --trace on       # again the scenarios that failed, each with a trace
  NOX_TESTKIT_RETRIES=2 npx nox-testkit run --strict
No config yet? "npx nox-testkit init" writes one; "npx nox-testkit doctor" checks its hooks.`;

/** `nox-testkit run`. */
export function defineRunCommand(program: Command): void {
  program
    .command('run')
    .summary('drive your supplier app through every documented NOX flow and grade it')
    .description(description)
    .option('--config <file>', `the config file (env ${runEnv.config}, default ${defaultConfigFile})`)
    .option(
      '--workers <n>',
      `scenarios at a time, 1 to 32 (env ${runEnv.workers}, default ${runDefaults.workers})`,
    )
    .option(
      '--grep <text>',
      'only scenarios whose id or name matches (a case-insensitive regular expression)',
    )
    .option(
      '--tag <tag>',
      'only scenarios with this tag, in any case (repeat or comma-separate for several)',
      collect,
    )
    .option('--shard <i/n>', 'only the i-th of n equal shares, for parallel CI jobs')
    .option(
      '--retries <n>',
      `run a failing scenario again up to n times, 0 to 5 (env ${runEnv.retries}, default 0)`,
    )
    .option('--strict', `advisory failures fail the run too (env ${runEnv.strict}=1)`)
    .option(
      '--report-dir <dir>',
      `where the reports go (env ${runEnv.reportDir}, default ${runDefaults.reportDir})`,
    )
    .option(
      '--reporter <names>',
      `${reporterNames.join('|')}; repeat or comma-separate (env ${runEnv.reporter}, default list,junit,json,html)`,
      collect,
    )
    .option('--timeout <ms>', `per scenario, 1000 to 600000 (default ${runDefaults.timeoutMs})`)
    .option('--mock-url <url>', `use a mock already running there (env ${runEnv.mockUrl})`)
    .option(
      '--pact-dir <dir>',
      `where a green run writes its Pact file (env ${runEnv.pactDir}, default ${runDefaults.pactDir})`,
    )
    .option('--no-pact', 'write no Pact file')
    .option(
      '--trace <mode>',
      `a Playwright trace per attempt: ${traceModes.join('|')} (env ${runEnv.trace}, default ${runDefaults.trace}); the report gives the command that opens one`,
    )
    .option(
      '--headed',
      `show the browser window (needs a display and a full chromium; env ${runEnv.headed}=1)`,
    )
    .option(
      '--debug',
      "one worker, headed, no timeout; Playwright's inspector pauses on the page where a hook fails",
    )
    .option(
      '--last-failed',
      'run only the scenarios that failed in the last run (its results.json in --report-dir)',
    )
    .option(
      '--list',
      'print the scenarios the run would run (after --grep, --tag, --shard) and start nothing',
    )
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', examples)
    .action(async (flags: RunFlags) => {
      // The runner, the browser and Pact are loaded only to run: `--help` and the other commands need none.
      const { runCommand } = await import('./run-action.ts');
      process.exitCode = await runCommand(flags);
    });
}
