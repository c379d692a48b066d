import type { Command } from 'commander';

const description = [
  "Merges the pacts of a sharded run (each shard's `run --shard i/n --pact-dir …`) into the pact the whole run would have written: one interaction per description, the one recorded in the scenario whose name sorts first, with every scenario of every shard that saw it.",
  'Exits 2 when a file is not a pact with NOX or the pacts are of different suppliers.',
].join('\n\n');

/** `nox-testkit merge-pacts`. */
export function defineMergePactsCommand(program: Command): void {
  program
    .command('merge-pacts')
    .summary("merge the shards' pacts into the pact of the whole run")
    .description(description)
    .argument('<pact...>', 'pact files, or folders of them (every *.json in each)')
    .option('-o, --out <file>', 'where to write it (default pacts/<supplier>-nox-energy.json)')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      '\nExamples:\n  nox-testkit merge-pacts pacts/shard-1 pacts/shard-2\n  nox-testkit merge-pacts pacts/shard-*/*.json -o merged/volt-nox-energy.json',
    )
    .action(async (pacts: string[], flags: { out?: string }) => {
      process.exitCode = await mergePactsCommand(pacts, flags.out);
    });
}

/** `nox-testkit merge-pacts`: returns the exit code. */
export async function mergePactsCommand(paths: string[], out?: string): Promise<number> {
  // Loaded to merge, not to define the command: `--help` loads no Pact.
  const { PactFileError, pactFiles, writeMergedPact } = await import('../contracts/index.ts');
  try {
    const files = paths.flatMap((path) => pactFiles(path));
    const file = writeMergedPact(files, out);
    process.stdout.write(`Merged ${files.length} pact file(s) into ${file}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof PactFileError)) throw error;
    process.stderr.write(`nox-testkit merge-pacts: ${error.message}\n`);
    return 2;
  }
}
