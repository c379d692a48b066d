import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Jiti } from 'jiti';

/** A config file that is missing or cannot be loaded; `file` is its absolute path. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'missing' | 'unloadable',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Loads a supplier's `.ts`/`.js` module (or JSON) in either module system, ESM or CommonJS, with jiti.
 * A file the running Node can import itself (JavaScript, or TypeScript under tsx) is imported natively,
 * and so are the packages it imports: `nox-testkit` is then the very module the CLI runs, so classes
 * such as `ScenarioSkipped` are the same on both sides of an `instanceof`.
 */
export async function importModule(file: string): Promise<unknown> {
  // jiti is loaded on first use: `nox-testkit serve` without a config file never needs it (a cold start's cost).
  jiti ??= (await import('jiti')).createJiti(import.meta.url, { tryNative: true });
  return jiti.import(file);
}

let jiti: Jiti | undefined;

/** The default export of a config file: JSON, or a .ts/.js module. The one loader every command uses. */
export async function loadConfigFile(path: string): Promise<{ file: string; config: unknown }> {
  const file = resolve(path);
  if (!existsSync(file)) throw new ConfigFileError(file, 'missing', `No config file at ${file}.`);
  try {
    const module = (
      file.endsWith('.json')
        ? await import(pathToFileURL(file).href, { with: { type: 'json' } })
        : await importModule(file)
    ) as { default?: unknown };
    return { file, config: module.default };
  } catch (error) {
    throw new ConfigFileError(file, 'unloadable', (error as Error).message);
  }
}
