import type { Command } from 'commander';
import { serveEnv } from './serve-options.ts';

const description = [
  `Verifies Pact files against the mock NOX with Pact's own Verifier: every interaction is replayed after its provider states were set up through the mock's state-change URL, POST /__nox/provider-states (a fresh supplier and its key, a linked customer), the URL pact-cli's verifier takes as --state-change-url.`,
  "Prints Pact's mismatch report and exits 1 when an interaction fails or the mock does not answer; exits 2 when a file is not a pact.",
].join('\n\n');

/** `nox-testkit verify`. */
export function defineVerifyCommand(program: Command): void {
  program
    .command('verify')
    .summary("verify Pact files (from a run) against the mock NOX with Pact's Verifier")
    .description(description)
    .option('--pact <file|dir>', 'a pact file, or a folder of them (default pacts)')
    .option('--base-url <url>', 'verify against a mock running there (default: a mock started in-process)')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      '\nExamples (in your project, where nox-testkit is installed):\n  npx nox-testkit verify\n  npx nox-testkit verify --pact pacts/shard-1 --base-url http://127.0.0.1:4400\n\nEnvironment:\n  NOX_TESTKIT_ADMIN_TOKEN   the --admin-token of the mock at --base-url, sent as "Authorization: Bearer"',
    )
    .action(async (flags: { pact?: string; baseUrl?: string }) => {
      process.exitCode = await verifyCommand({ pact: flags.pact, 'base-url': flags.baseUrl });
    });
}

/** `nox-testkit verify`: returns the exit code. */
export async function verifyCommand(values: { pact?: string; 'base-url'?: string }): Promise<number> {
  // Pact and the mock are loaded to verify, not to define the command: `--help` loads neither.
  const [{ pactFiles, verifyPacts }, { openStore, startServer }] = await Promise.all([
    import('../contracts/index.ts'),
    import('../mock-nox/index.ts'),
  ]);
  let files: string[];
  try {
    files = pactFiles(values.pact ?? 'pacts');
  } catch (error) {
    process.stderr.write(`nox-testkit verify: ${(error as Error).message}\n`);
    return 2;
  }
  const given = values['base-url'];
  if (given !== undefined && !isHttpUrl(given)) {
    process.stderr.write(
      `nox-testkit verify: --base-url must be the mock's http:// URL, e.g. http://127.0.0.1:4400 (got "${given}").\n`,
    );
    return 2;
  }
  const server = given
    ? undefined
    : await startServer({ store: await openStore({ inMemory: true }) }, '127.0.0.1', 0);
  const baseUrl = given ?? (server?.url as string);
  process.stdout.write(`Verifying ${files.length} pact file(s) against ${baseUrl}\n`);
  try {
    await verifyPacts(files, baseUrl, { adminToken: process.env[serveEnv.adminToken] || undefined });
    process.stdout.write('All interactions verified.\n');
    return 0;
  } catch (error) {
    process.stderr.write(`nox-testkit verify: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await server?.close();
  }
}

const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
