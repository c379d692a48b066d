import { ConfigFileError, loadConfigFile } from '../common/load-config-file.ts';
import { envValue, precedence } from '../common/precedence.ts';
import type { components } from '../openapi/generated/nox-control.ts';
import { loadOpenApi } from '../openapi/validator/openapi-validator.ts';

type Policies = components['schemas']['PolicyChanges'];

/** Everything `nox-testkit serve` can be told, by flag, env variable or config file. */
export interface ServeOptions {
  port: number;
  host: string;
  publicUrl?: string;
  db: string;
  inMemory: boolean;
  adminToken?: string;
  /** Global policies to apply at start (from the config file only). */
  policies?: Partial<Policies>;
}

export const serveDefaults: ServeOptions = {
  port: 4400,
  host: '127.0.0.1',
  db: '.nox-testkit/db.json',
  inMemory: false,
};

/** The env variable of each option. */
export const serveEnv = {
  port: 'NOX_TESTKIT_PORT',
  host: 'NOX_TESTKIT_HOST',
  publicUrl: 'NOX_TESTKIT_PUBLIC_URL',
  db: 'NOX_TESTKIT_DB',
  inMemory: 'NOX_TESTKIT_IN_MEMORY',
  adminToken: 'NOX_TESTKIT_ADMIN_TOKEN',
  config: 'NOX_TESTKIT_CONFIG',
} as const;

export type RawOptions = Partial<Record<keyof ServeOptions, unknown>>;

/** A bad option: names the option, where it came from and what is expected. */
export class ServeOptionError extends Error {
  readonly code = 'INVALID_OPTION';
}

/** Flag, then env, then config file, then default, then validated. */
export function resolveServeOptions(
  flags: RawOptions,
  env: NodeJS.ProcessEnv,
  file: RawOptions,
): ServeOptions {
  const set = (name: string) => envValue(env, name);
  const fromEnv: RawOptions = {
    port: set(serveEnv.port),
    host: set(serveEnv.host),
    publicUrl: set(serveEnv.publicUrl),
    db: set(serveEnv.db),
    inMemory: set(serveEnv.inMemory),
    adminToken: set(serveEnv.adminToken),
  };
  const sources = [flags, fromEnv, file];
  const pick = (key: keyof ServeOptions) =>
    precedence({ flag: flags[key], env: fromEnv[key], config: file[key], default: serveDefaults[key] }).value;
  if (flags.db !== undefined && flags.inMemory === true) {
    throw new ServeOptionError('--db and --in-memory exclude each other: choose a database file or memory.');
  }
  // --db and --in-memory are one choice: the first source that says anything about storage decides it.
  const storage = sources.find((s) => s.db !== undefined || s.inMemory !== undefined) ?? {};
  return {
    port: toPort(pick('port')),
    host: toText('host', pick('host')),
    publicUrl: pick('publicUrl') === undefined ? undefined : toUrl(pick('publicUrl')),
    db: toText('db', storage.db ?? serveDefaults.db),
    inMemory: toBoolean(storage.inMemory ?? (storage.db !== undefined ? false : serveDefaults.inMemory)),
    adminToken: pick('adminToken') === undefined ? undefined : toText('admin-token', pick('adminToken')),
    policies: file.policies === undefined ? undefined : toPolicies(file.policies),
  };
}

/** The config file's policies, checked like `PUT /__nox/policies` would check them. */
function toPolicies(value: unknown): Partial<Policies> {
  const issues = loadOpenApi('nox-control').validateRequest({
    method: 'PUT',
    path: '/__nox/policies',
    query: {},
    body: value,
  });
  if (issues && issues.length > 0) {
    throw new ServeOptionError(`policies in the config file: ${issues.map((i) => i.msg).join('; ')}.`);
  }
  return value as Partial<Policies>;
}

function toPort(value: unknown): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ServeOptionError(
      `port must be a whole number from 0 to 65535 (0 picks a free port), got "${value}".`,
    );
  }
  return port;
}

function toText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new ServeOptionError(`${name} must be a non-empty string.`);
  return value;
}

function toUrl(value: unknown): string {
  const text = toText('public-url', value);
  if (!/^https?:\/\/[^/]+/.test(text)) {
    throw new ServeOptionError(
      `public-url must be an http(s) origin such as http://127.0.0.1:4400, got "${text}".`,
    );
  }
  return text.replace(/\/+$/, '');
}

function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false' || value === '') return false;
  throw new ServeOptionError(`in-memory must be true or false, got "${value}".`);
}

/** The `mock` section of a config file: JSON, or a .ts/.js module whose default export has it. */
export async function readConfigFile(path: string | undefined): Promise<RawOptions> {
  if (path === undefined) return {};
  try {
    const { config } = await loadConfigFile(path);
    return ((config as { mock?: RawOptions } | undefined)?.mock ?? {}) as RawOptions;
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    throw new ServeOptionError(
      error.reason === 'missing'
        ? `The config file ${error.file} does not exist.`
        : `Cannot read the config file ${error.file}: ${error.message}`,
    );
  }
}
