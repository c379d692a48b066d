import { relative, resolve } from 'node:path';
import type { z } from 'zod';
import { describeIssue } from '../../common/describe-issue.ts';
import { ConfigFileError, loadConfigFile } from '../../common/load-config-file.ts';
import { docsPath } from '../../common/package-docs.ts';
import { HarnessError } from '../errors.ts';
import { configSchema, type traceModes } from './config-schema.ts';

/** The whole of nox-testkit.config.ts, as its schema (config-schema.ts) checks it. */
export type NoxTestkitConfig = z.output<typeof configSchema>;

/** How the harness drives the supplier's app: its start, where it is, and its hooks (docs/adapter.md). */
export type SupplierAdapter = NoxTestkitConfig['supplier'];

/** The settings of one run, after flag, env, config and default were weighed. */
export interface RunSettings {
  workers: number;
  retries: number;
  reportDir: string;
  strict: boolean;
  timeoutMs: number;
  grep?: RegExp;
  tags: string[];
  shard?: { index: number; count: number };
  mockUrl?: string;
  /** Where the run writes its Pact file; undefined with --no-pact. */
  pactDir?: string;
  /** A Playwright trace per attempt (`on`), per failed attempt (`retain-on-failure`, the default) or none. */
  trace?: (typeof traceModes)[number];
  /** A visible browser window instead of headless Chromium. */
  headed?: boolean;
  /** Headed, no scenario timeout, and Playwright's inspector paused where a hook fails. */
  debug?: boolean;
}

/** Types a config file; returns it unchanged. */
export function defineConfig(config: z.input<typeof configSchema>): NoxTestkitConfig {
  return config as NoxTestkitConfig;
}

export const defaultConfigFile = 'nox-testkit.config.ts';

/** A config file as messages name it: relative to the working folder when inside it. */
export function configName(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') || path === '' ? file : path;
}

/**
 * Loads and checks a config file. Every problem is reported at once, one line each, naming the file and
 * the key: `nox-testkit.config.ts run.retries: expected a whole number from 0 to 5, got 99`.
 */
export async function loadConfig(
  file: string,
): Promise<{ config: NoxTestkitConfig; dir: string; name: string; file: string }> {
  let loaded: { file: string; config: unknown };
  try {
    loaded = await loadConfigFile(file);
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    throw new HarnessError(
      'CONFIG_INVALID',
      error.reason === 'missing'
        ? `No config file at ${error.file}: write one with "npx nox-testkit init" (the README's "Test your integration" and ${docsPath('adapter.md')} explain it), or pass --config FILE`
        : `Cannot load ${configName(error.file)}: ${error.message.split('\n')[0]}`,
    );
  }
  const name = configName(loaded.file);
  const config = checkConfigPart(configSchema, loaded.config, name);
  return { config, dir: resolve(loaded.file, '..'), name, file: loaded.file };
}

/**
 * A config file's value (or one section of it, under `path`) checked by its schema; every problem at
 * once, one line each, e.g. `nox-testkit.config.ts run.retries: expected a whole number from 0 to 5, got 99`.
 */
export function checkConfigPart<S extends z.ZodType>(
  schema: S,
  value: unknown,
  name: string,
  path: string[] = [],
): z.output<S> {
  const checked = schema.safeParse(value, { reportInput: true });
  if (checked.success) return checked.data;
  const lines = checked.error.issues.map((issue) => {
    const full = { ...issue, path: [...path, ...issue.path] };
    return full.path.length > 0 ? `${name} ${describeIssue(full)}` : `${name}: ${describeIssue(full)}`;
  });
  throw new HarnessError('CONFIG_INVALID', lines.join('\n'));
}
