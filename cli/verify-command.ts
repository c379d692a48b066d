import { parseArgs } from 'node:util';
import { pactFiles, verifyPacts } from '../contracts/index.ts';
import { openStore, startServer } from '../mock-nox/index.ts';

export const verifyHelp = `Usage: nox-testkit verify [--pact FILE|DIR] [--base-url URL]

Verifies Pact files against the mock NOX with Pact's own Verifier: every interaction is replayed after its
provider states were set up through the mock's control API (a fresh supplier and its key, a linked customer).
Prints Pact's mismatch report and exits 1 when an interaction fails.

Options:
  --pact FILE|DIR   a pact file, or a folder of them          (default pacts)
  --base-url URL    verify against a mock running there       (default: a mock started in-process)
  -h, --help        show this help
`;

/** `nox-testkit verify`: returns the exit code. */
export async function verifyCommand(argv: string[]): Promise<number> {
  let values: { pact?: string; 'base-url'?: string; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        pact: { type: 'string' },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    process.stderr.write(
      `nox-testkit verify: ${(error as Error).message}\nRun "nox-testkit verify --help" for the options.\n`,
    );
    return 2;
  }
  if (values.help) {
    process.stdout.write(verifyHelp);
    return 0;
  }
  let files: string[];
  try {
    files = pactFiles(values.pact ?? 'pacts');
  } catch (error) {
    process.stderr.write(`nox-testkit verify: ${(error as Error).message}\n`);
    return 2;
  }
  const server = values['base-url']
    ? undefined
    : await startServer({ store: await openStore({ inMemory: true }) }, '127.0.0.1', 0);
  const baseUrl = values['base-url'] ?? (server?.url as string);
  process.stdout.write(`Verifying ${files.length} pact file(s) against ${baseUrl}\n`);
  try {
    await verifyPacts(files, baseUrl);
    process.stdout.write('All interactions verified.\n');
    return 0;
  } catch (error) {
    process.stderr.write(`nox-testkit verify: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await server?.close();
  }
}
