import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { runCli } from '../test/test-support/run-cli.ts';
import { defineDoctorCommand } from './doctor-command.ts';
import { defineInitCommand } from './init-command.ts';
import { defineRunCommand } from './run-command.ts';
import { defineScenariosCommand } from './scenarios-command.ts';
import { defineServeCommand } from './serve-command.ts';
import { defineVerifyCommand } from './verify-command.ts';

const program = new Command('nox-testkit');
for (const define of [
  defineRunCommand,
  defineServeCommand,
  defineScenariosCommand,
  defineVerifyCommand,
  defineInitCommand,
  defineDoctorCommand,
])
  define(program);

/** A command's --help as the CLI prints it, with the examples after the options. */
function helpOf(command: Command): string {
  let out = '';
  command.configureOutput({
    writeOut: (text) => {
      out += text;
    },
  });
  command.outputHelp();
  return out;
}

describe("the help speaks of the user's project, where the package is installed", () => {
  test.each(program.commands.map((c) => [c.name(), c] as const))(
    '%s --help: every example is "npx nox-testkit …" (npm start or npm run would start their own app)',
    (_, command) => {
      const help = helpOf(command);
      const examples = help.split(/^Examples.*:$/m)[1]?.split('\n\n')[0] ?? '';
      const lines = examples.split('\n').filter((line) => /^ {2}\S/.test(line));
      expect(lines.length, help).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/^ {2}([A-Z_]+=\S+ )?npx nox-testkit /);
      expect(help).not.toMatch(/npm (start|run)/);
    },
  );

  test('the overview lists init and doctor and the order to use them in', async () => {
    const { stdout } = await runCli(['--help']);
    expect(stdout).toMatch(/^ {2}init\b/m);
    expect(stdout).toMatch(/^ {2}doctor\b/m);
    expect(stdout).toContain(
      '"npx nox-testkit init", then "npx nox-testkit doctor", then "npx nox-testkit run"',
    );
  }, 60_000);
});
