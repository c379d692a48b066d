import { ConfigFileError, loadConfigFile } from '../common/load-config-file.ts';
import {
  booleanFromText,
  envValue,
  numberFromText,
  resolveSetting,
  SettingError,
  type SettingSpec,
} from '../common/precedence.ts';
import {
  checkConfigPart,
  configName,
  mockOptionSchemas,
  mockSectionSchema,
} from '../harness/config/index.ts';
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

const serveFlags = {
  port: '--port',
  host: '--host',
  publicUrl: '--public-url',
  db: '--db',
  inMemory: '--in-memory',
  adminToken: '--admin-token',
} as const;

type Option = keyof typeof serveFlags;

/** The flags as commander gives them (text), and the config file's `mock` section (checked by its schema). */
export type RawOptions = Partial<Record<keyof ServeOptions, unknown>>;

/** A config file's `mock` section and the name messages give the file. */
export interface ServeConfig {
  mock: RawOptions;
  name: string;
}

/** Flag, then env, then config file, then default; a bad value is named where it came from. */
export function resolveServeOptions(
  flags: RawOptions,
  env: NodeJS.ProcessEnv,
  file: ServeConfig = { mock: {}, name: 'the config file' },
): ServeOptions {
  const fromEnv: RawOptions = Object.fromEntries(
    (Object.keys(serveFlags) as Option[]).map((key) => [key, envValue(env, serveEnv[key])]),
  );
  const option = (
    key: Option,
    layers: { flag?: unknown; env?: unknown; config?: unknown; default?: unknown },
  ): unknown =>
    resolveSetting<unknown>(
      {
        flag: serveFlags[key],
        env: serveEnv[key],
        config: `${file.name} mock.${key}`,
        schema: mockOptionSchemas[key] as SettingSpec<unknown>['schema'],
        fromText: key === 'port' ? numberFromText : key === 'inMemory' ? booleanFromText : undefined,
      },
      layers,
    );
  const pick = (key: Option) =>
    option(key, { flag: flags[key], env: fromEnv[key], config: file.mock[key], default: serveDefaults[key] });
  if (flags.db !== undefined && flags.inMemory === true) {
    throw new SettingError('--db and --in-memory exclude each other: choose a database file or memory');
  }
  // --db and --in-memory are one choice: the first source that says anything about storage decides it.
  const sources = { flag: flags, env: fromEnv, config: file.mock };
  const where = (['flag', 'env', 'config'] as const).find(
    (s) => sources[s].db !== undefined || sources[s].inMemory !== undefined,
  );
  const chosen: RawOptions = where ? sources[where] : {};
  const db = (option('db', { [where ?? 'default']: chosen.db }) ?? serveDefaults.db) as string;
  const inMemory = (option('inMemory', { [where ?? 'default']: chosen.inMemory }) ?? false) as boolean;
  return {
    port: pick('port') as number,
    host: pick('host') as string,
    publicUrl: pick('publicUrl') as string | undefined,
    db,
    inMemory,
    adminToken: pick('adminToken') as string | undefined,
    policies: file.mock.policies === undefined ? undefined : toPolicies(file.mock.policies, file.name),
  };
}

/** The config file's policies, checked like `PUT /__nox/policies` would check them. */
function toPolicies(value: unknown, name: string): Partial<Policies> {
  const issues = loadOpenApi('nox-control').validateRequest({
    method: 'PUT',
    path: '/__nox/policies',
    query: {},
    body: value,
  });
  if (issues && issues.length > 0) {
    throw new SettingError(`${name} mock.policies: ${issues.map((i) => i.msg).join('; ')}`);
  }
  return value as Partial<Policies>;
}

/** The `mock` section of a config file (JSON, or a .ts/.js module whose default export has it), checked. */
export async function readConfigFile(path: string | undefined): Promise<ServeConfig | undefined> {
  if (path === undefined) return undefined;
  let loaded: { file: string; config: unknown };
  try {
    loaded = await loadConfigFile(path);
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    throw new SettingError(
      error.reason === 'missing'
        ? `the config file ${error.file} does not exist`
        : `cannot read the config file ${configName(error.file)}: ${error.message.split('\n')[0]}`,
    );
  }
  const name = configName(loaded.file);
  const section = (loaded.config as { mock?: unknown } | undefined)?.mock ?? {};
  return { mock: checkConfigPart(mockSectionSchema, section, name, ['mock']), name };
}
