// The `nox-testkit` command: one entry point, one subcommand per job, parsed by commander (no dependencies,
// its own types, subcommands with generated help, and errors we can turn into our one line).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';

/**
 * Each subcommand's module, imported only when needed: `serve` must not load Pact, Playwright or the
 * harness (they cost most of a cold start), so a command named first loads only its own module.
 */
const commandModules = {
  init: async () => (await import('./init-command.ts')).defineInitCommand,
  doctor: async () => (await import('./doctor-command.ts')).defineDoctorCommand,
  run: async () => (await import('./run-command.ts')).defineRunCommand,
  scenarios: async () => (await import('./scenarios-command.ts')).defineScenariosCommand,
  serve: async () => (await import('./serve-command.ts')).defineServeCommand,
  verify: async () => (await import('./verify-command.ts')).defineVerifyCommand,
  'merge-pacts': async () => (await import('./merge-pacts-command.ts')).defineMergePactsCommand,
};
type CommandName = keyof typeof commandModules;
const isCommandName = (name: string | undefined): name is CommandName =>
  name !== undefined && Object.hasOwn(commandModules, name);

/** The program with every subcommand, or with `only` when the command line names it (same parse, same help). */
async function createProgram(version: string, only?: CommandName): Promise<Command> {
  const program = new Command('nox-testkit')
    .description('A local NOX Energy platform and a contract-test harness for energy suppliers.')
    .usage('<command> [options]')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', "show a command's help")
    // Errors are printed once, by reportFailure, as one line; commander only finds them.
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nIn your project: "npx nox-testkit init", then "npx nox-testkit doctor", then "npx nox-testkit run".\nRun "npx nox-testkit <command> --help" for its options and examples.',
    );
  const names = only ? [only] : (Object.keys(commandModules) as CommandName[]);
  for (const define of await Promise.all(names.map((name) => commandModules[name]()))) define(program);
  return program;
}

/** A reader that went away (`nox-testkit serve | head`) is no error: stop writing and carry on quietly. */
function ignoreClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      process.exitCode = 1;
    });
  }
}

async function main(argv: string[]): Promise<number> {
  ignoreClosedOutput();
  // By the package's own name, so it is found from the sources and from the compiled dist/cli/ alike.
  const pkg = JSON.parse(readFileSync(new URL(import.meta.resolve('nox-testkit/package.json')), 'utf8'));
  const program = await createProgram(pkg.version, isCommandName(argv[0]) ? argv[0] : undefined);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return 0; // --help, --version
    // `help <unknown command>`: commander has printed the overview to stderr already.
    if (error instanceof CommanderError && error.code === 'commander.help') return 2;
    const command = program.commands.find((c) => c.name() === argv[0])?.name();
    const { reportFailure } = await import('./report-failure.ts');
    return reportFailure(error, command);
  }
}

process.exitCode = await main(process.argv.slice(2));
