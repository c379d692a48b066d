import type { Command } from 'commander';
import { defaultConfigFile } from '../harness/config/index.ts';
import type { DoctorFlags } from './doctor-action.ts';
import { runEnv } from './run-settings.ts';

const description = `Starts the mock NOX and your app as "run" does (from ${defaultConfigFile}) and calls each hook once: startConnection (does the browser reach NOX's page?), readOutcome on a connected and on a failed return, readBack's shape, the OAuth hooks on your oauthLoginPath, and your webhook receiver (webhookPath) with a signed delivery and a forged one. Prints per hook what it saw and how to fix it; a hook that is not given is listed with the scenarios that need it. Exits 1 when a required hook (startConnection, readOutcome) is broken, 0 otherwise (a broken optional hook is shown, not fatal), 2 on a bad flag or config value.`;

const examples = `
Examples (in your project, where nox-testkit is installed):
  npx nox-testkit doctor
  npx nox-testkit doctor --config ci/nox-testkit.config.ts`;

/** `nox-testkit doctor`. */
export function defineDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .summary('call each hook of your adapter once and say what it saw and how to fix it')
    .description(description)
    .option('--config <file>', `the config file (env ${runEnv.config}, default ${defaultConfigFile})`)
    .option('--mock-url <url>', `use a mock already running there (env ${runEnv.mockUrl})`)
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', examples)
    .action(async (flags: DoctorFlags) => {
      // The runner and the browser are loaded only to check: `--help` needs neither.
      const { doctorCommand } = await import('./doctor-action.ts');
      process.exitCode = await doctorCommand(flags);
    });
}
