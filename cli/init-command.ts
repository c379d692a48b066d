import type { Command } from 'commander';
import { defaultConfigFile } from '../harness/config/index.ts';
import type { InitFlags } from './init-action.ts';
import { workflowFile } from './workflow-template.ts';

const description = `Writes a commented ${defaultConfigFile} into the current folder (your project's, beside its package.json): how nox-testkit starts your app and the two hooks it needs, in your project's module system (package.json "type": ES module or CommonJS). Never overwrites a file: when one is there already, nothing is written and it exits 1.`;

const examples = `
Examples (in your project, where nox-testkit is installed):
  npx nox-testkit init                     # ${defaultConfigFile}
  npx nox-testkit init --github-actions    # and ${workflowFile}
  npx nox-testkit doctor                   # then check each hook once`;

/** `nox-testkit init`. */
export function defineInitCommand(program: Command): void {
  program
    .command('init')
    .summary(`write a commented ${defaultConfigFile} for your project (and a CI workflow)`)
    .description(description)
    .option('--github-actions', `also write a GitHub Actions workflow, ${workflowFile}`)
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', examples)
    .action(async (flags: InitFlags) => {
      // Loaded to write: its usage error comes with report-failure.ts, which loads the harness, and the
      // overview's --help must not.
      const { initCommand } = await import('./init-action.ts');
      process.exitCode = initCommand(flags, process.cwd());
    });
}
