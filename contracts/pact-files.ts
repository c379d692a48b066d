import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROVIDER } from './write-pact.ts';

/** Why a file cannot be verified, in one line; `verify` exits 2 with it. */
export class PactFileError extends Error {
  readonly code = 'PACT_FILE_INVALID';
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const whatAPactIs = 'a pact is the JSON file "nox-testkit run" writes to pacts/';

/** The pact files of a file or folder (every *.json in it, sorted), each checked to be a pact with NOX. */
export function pactFiles(fileOrDir: string): string[] {
  const path = resolve(fileOrDir);
  if (!existsSync(path))
    throw new PactFileError(
      `No pact at ${path}. Run "nox-testkit run" first (it writes pacts/), or pass --pact FILE|DIR.`,
    );
  const files = statSync(path).isFile()
    ? [path]
    : readdirSync(path)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(path, f));
  if (files.length === 0) throw new PactFileError(`No *.json pact files in ${path}.`);
  for (const file of files) checkPactFile(file);
  return files;
}

/** The parts of a pact file that make it one (V2 to V4 HTTP pacts, V3 message pacts). */
type PactShape = {
  consumer?: { name?: unknown };
  provider?: { name?: unknown };
  interactions?: unknown;
  messages?: unknown;
};

/** Refuses a file that is not JSON, or JSON that is not a pact whose provider is NOX. */
function checkPactFile(file: string): void {
  let pact: unknown;
  try {
    pact = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    throw new PactFileError(`${file} is not a pact: it is not JSON (${reason}); ${whatAPactIs}.`);
  }
  const p: PactShape = typeof pact === 'object' && pact !== null ? pact : {};
  const provider = p.provider?.name;
  const missing = [
    typeof p.consumer?.name === 'string' ? [] : ['consumer.name'],
    typeof provider === 'string' ? [] : ['provider.name'],
    Array.isArray(p.interactions) || Array.isArray(p.messages) ? [] : ['interactions'],
  ].flat();
  if (missing.length > 0)
    throw new PactFileError(
      `${file} is JSON but not a pact: it has no ${missing.join(', ')}; ${whatAPactIs}.`,
    );
  if (provider !== PROVIDER)
    throw new PactFileError(
      `${file} is a pact with the provider "${provider}", not ${PROVIDER}: verify checks pacts with NOX.`,
    );
}
