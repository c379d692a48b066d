import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** The default export of a config file: JSON, or a .ts/.js module. The one loader every command uses. */
export async function loadConfigFile(path: string): Promise<{ file: string; config: unknown }> {
  const file = resolve(path);
  if (!existsSync(file)) throw new ConfigFileError(file, 'missing', `No config file at ${file}.`);
  try {
    const module = await import(
      pathToFileURL(file).href,
      file.endsWith('.json') ? { with: { type: 'json' } } : undefined
    );
    return { file, config: module.default };
  } catch (error) {
    throw new ConfigFileError(file, 'unloadable', (error as Error).message);
  }
}
