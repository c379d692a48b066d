import { envValue, precedence } from '../common/precedence.ts';
import { HarnessError, type NoxTestkitConfig, type RunSettings } from '../harness/index.ts';

export interface RunFlags {
  workers?: string;
  retries?: string;
  'report-dir'?: string;
  strict?: boolean;
  timeout?: string;
  grep?: string;
  tag?: string[];
  shard?: string;
  'mock-url'?: string;
  'pact-dir'?: string;
  'no-pact'?: boolean;
}

/** The env variable of each setting. */
export const runEnv = {
  workers: 'NOX_TESTKIT_WORKERS',
  retries: 'NOX_TESTKIT_RETRIES',
  reportDir: 'NOX_TESTKIT_REPORT_DIR',
  strict: 'NOX_TESTKIT_STRICT',
  mockUrl: 'NOX_TESTKIT_MOCK_URL',
  pactDir: 'NOX_TESTKIT_PACT_DIR',
} as const;

export const runDefaults = {
  workers: 4,
  retries: 0,
  reportDir: 'reports',
  strict: false,
  timeoutMs: 30_000,
  pactDir: 'pacts',
};

/** Flag, then env, then config file, then default; every bad value is named. */
export function resolveRunSettings(
  flags: RunFlags,
  env: NodeJS.ProcessEnv,
  config: NoxTestkitConfig,
): RunSettings {
  const fromEnv = (name: string) => envValue(env, name);
  const c = config.run ?? {};
  const pick = <T>(flag: T | undefined, envName: string | undefined, inConfig: T | undefined, fallback?: T) =>
    precedence<T | string>({
      flag,
      env: envName === undefined ? undefined : fromEnv(envName),
      config: inConfig,
      default: fallback,
    }).value;
  return {
    workers: count(
      'workers',
      pick<unknown>(flags.workers, runEnv.workers, c.workers, runDefaults.workers),
      1,
      32,
    ),
    retries: count(
      'retries',
      pick<unknown>(flags.retries, runEnv.retries, c.retries, runDefaults.retries),
      0,
      5,
    ),
    reportDir: pick(flags['report-dir'], runEnv.reportDir, c.reportDir, runDefaults.reportDir) as string,
    strict: precedence({
      flag: flags.strict,
      env: truthy(fromEnv(runEnv.strict)),
      config: c.strict,
      default: runDefaults.strict,
    }).value as boolean,
    timeoutMs: count(
      'timeout',
      pick<unknown>(flags.timeout, undefined, c.timeoutMs, runDefaults.timeoutMs),
      1000,
      600_000,
    ),
    grep: flags.grep === undefined ? undefined : toRegExp(flags.grep),
    tags: (flags.tag ?? [])
      .flatMap((t) => t.split(','))
      .map((t) => t.trim())
      .filter(Boolean),
    shard: flags.shard === undefined ? undefined : toShard(flags.shard),
    mockUrl: pick(flags['mock-url'], runEnv.mockUrl, undefined),
    pactDir: flags['no-pact']
      ? undefined
      : (pick(flags['pact-dir'], runEnv.pactDir, c.pactDir, runDefaults.pactDir) as string),
  };
}

function bad(message: string): never {
  throw new HarnessError('CONFIG_INVALID', message);
}

function count(name: string, value: unknown, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    bad(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function truthy(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : ['1', 'true', 'yes'].includes(value.toLowerCase());
}

function toRegExp(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch {
    return bad(`--grep "${text}" is not a valid regular expression`);
  }
}

function toShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || index < 1 || total < 1 || index > total)
    bad(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/3, got "${text}"`);
  return { index, count: total };
}
