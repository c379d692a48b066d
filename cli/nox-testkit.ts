// The `nox-testkit` command: one entry point, one subcommand per job, parsed by commander (no dependencies,
// its own types, subcommands with generated help, and errors we can turn into our one line).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { reportFailure } from './report-failure.ts';
import { defineRunCommand } from './run-command.ts';
import { defineScenariosCommand } from './scenarios-command.ts';
import { defineServeCommand } from './serve-command.ts';
import { defineVerifyCommand } from './verify-command.ts';

function createProgram(version: string): Command {
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
    .addHelpText('after', '\nRun "nox-testkit <command> --help" for its options and examples.');
  defineRunCommand(program);
  defineScenariosCommand(program);
  defineServeCommand(program);
  defineVerifyCommand(program);
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
  const program = createProgram(pkg.version);
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
    return reportFailure(error, command);
  }
}

process.exitCode = await main(process.argv.slice(2));
