import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { createControlClient } from '../openapi/control-client.ts';
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
  const handlers = createStateHandlers(createControlClient(baseUrl));
  try {
    await new Verifier({
      provider: PROVIDER,
      providerBaseUrl: baseUrl,
      pactUrls: files,
      stateHandlers: handlers as never,
      logLevel: 'warn',
    }).verifyProvider();
  } catch (error) {
    throw PactVerificationFailed.from(error);
  }
}

export interface InteractionFailure {
  interaction: string;
  mismatches: string[];
}

/** Pact's Verifier rejects with its JSON report as the message; this reads it into a list of failures. */
export class PactVerificationFailed extends Error {
  readonly code = 'PACT_VERIFICATION_FAILED';
  constructor(
    readonly failures: InteractionFailure[],
    detail?: string,
  ) {
    super(
      failures.length > 0
        ? `${failures.length} interaction(s) failed verification:\n${failures.map((f) => `  - ${f.interaction}\n${f.mismatches.map((m) => `      ${m}`).join('\n')}`).join('\n')}`
        : `Pact verification failed: ${detail}`,
    );
  }

  static from(error: unknown): PactVerificationFailed {
    const message = error instanceof Error ? error.message : String(error);
    try {
      const report = JSON.parse(message) as {
        errors?: { interaction: string; mismatch?: { mismatches?: { mismatch: string }[] } }[];
      };
      const failures = (report.errors ?? []).map((e) => ({
        interaction: e.interaction,
        mismatches: (e.mismatch?.mismatches ?? []).map((m) => m.mismatch),
      }));
      return new PactVerificationFailed(failures, message);
    } catch {
      return new PactVerificationFailed([], message);
    }
  }
}
