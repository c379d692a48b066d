// The `nox-testkit` command: one entry point, one subcommand per job.
import { readFileSync } from 'node:fs';
import { runCommand } from './run-command.ts';
import { scenariosCommand } from './scenarios-command.ts';
import { serveCommand } from './serve-command.ts';
import { verifyCommand } from './verify-command.ts';

const commands: Record<string, { summary: string; run: (argv: string[]) => Promise<number> }> = {
  run: { summary: 'drive your supplier app through every documented NOX flow and grade it', run: runCommand },
  scenarios: {
    summary: 'list the scenarios (built-in and your own) with severity and tags',
    run: scenariosCommand,
  },
  serve: { summary: 'run the mock NOX platform (APIs, link pages, control API)', run: serveCommand },
  verify: {
    summary: "verify Pact files (from a run) against the mock NOX with Pact's Verifier",
    run: verifyCommand,
  },
};

const help = `Usage: nox-testkit <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "nox-testkit <command> --help" for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    // By the package's own name, so it is found from the sources and from the compiled dist/cli/ alike.
    const pkg = JSON.parse(readFileSync(new URL(import.meta.resolve('nox-testkit/package.json')), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`nox-testkit: unknown command "${name}".\n\n${help}`);
    return 2;
  }
  return command.run(rest);
}

process.exitCode = await main(process.argv.slice(2));
