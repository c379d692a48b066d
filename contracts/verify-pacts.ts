import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { createMockClient } from '../harness/runner/mock-client.ts';
import { createStateHandlers } from './state-handlers.ts';
import { PROVIDER } from './write-pact.ts';

/** The pact files of a file or folder (every *.json in it, sorted). */
export function pactFiles(fileOrDir: string): string[] {
  const path = resolve(fileOrDir);
  if (!existsSync(path))
    throw new Error(
      `No pact at ${path}. Run "nox-testkit run" first (it writes pacts/), or pass --pact FILE|DIR.`,
    );
  if (statSync(path).isFile()) return [path];
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(path, f));
  if (files.length === 0) throw new Error(`No *.json pact files in ${path}.`);
  return files;
}

/**
 * Verifies pacts with Pact's own Verifier against a provider at `baseUrl` whose control API sets up the
 * states (the mock). Resolves when every interaction verified; rejects with Pact's mismatch report.
 */
export async function verifyPacts(files: string[], baseUrl: string): Promise<void> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const handlers = createStateHandlers(createMockClient(baseUrl));
  await new Verifier({
    provider: PROVIDER,
    providerBaseUrl: baseUrl,
    pactUrls: files,
    stateHandlers: handlers as never,
    logLevel: 'warn',
  }).verifyProvider();
}
