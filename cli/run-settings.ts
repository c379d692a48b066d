import {
  booleanFromText,
  envValue,
  numberFromText,
  resolveSetting,
  SettingError,
  type SettingSpec,
} from '../common/precedence.ts';
import { mockOptionSchemas, runOptionSchemas, toReporterKinds } from '../harness/config/index.ts';
import type { NoxTestkitConfig, RunSettings } from '../harness/index.ts';

/** The flags of `nox-testkit run`, as commander hands them over (values are text until checked). */
export interface RunFlags {
  config?: string;
  workers?: string;
  retries?: string;
  reportDir?: string;
  strict?: boolean;
  timeout?: string;
  grep?: string;
  tag?: string[];
  shard?: string;
  mockUrl?: string;
  pactDir?: string;
  /** false with --no-pact */
  pact?: boolean;
  reporter?: string[];
  list?: boolean;
  trace?: string;
  headed?: boolean;
  debug?: boolean;
  lastFailed?: boolean;
}

/** The env variable of each setting. */
export const runEnv = {
  config: 'NOX_TESTKIT_CONFIG',
  workers: 'NOX_TESTKIT_WORKERS',
  retries: 'NOX_TESTKIT_RETRIES',
  reportDir: 'NOX_TESTKIT_REPORT_DIR',
  strict: 'NOX_TESTKIT_STRICT',
  mockUrl: 'NOX_TESTKIT_MOCK_URL',
  pactDir: 'NOX_TESTKIT_PACT_DIR',
  reporter: 'NOX_TESTKIT_REPORTER',
  trace: 'NOX_TESTKIT_TRACE',
  headed: 'NOX_TESTKIT_HEADED',
} as const;

export const runDefaults = {
  workers: 4,
  retries: 0,
  reportDir: 'reports',
  strict: false,
  timeoutMs: 30_000,
  pactDir: 'pacts',
  trace: 'retain-on-failure',
  headed: false,
};

type RunOption = keyof typeof runOptionSchemas;

/**
 * Flag, then env, then the config file's `run` section, then default, each checked by the config's own
 * schema; a bad value is named where it came from (`--retries`, `NOX_TESTKIT_RETRIES`, `<config> run.retries`).
 */
export function resolveRunSettings(
  flags: RunFlags,
  env: NodeJS.ProcessEnv,
  config: NoxTestkitConfig,
  configName = 'the config file',
): RunSettings {
  const option = <K extends RunOption>(key: K, flag: string, given: unknown, fromText = numberFromText) => {
    const envName = (runEnv as Partial<Record<RunOption, string>>)[key];
    const spec: SettingSpec<unknown> = {
      flag,
      env: envName,
      config: `${configName} run.${key}`,
      schema: runOptionSchemas[key],
      fromText,
    };
    const layers = {
      flag: given,
      env: envName === undefined ? undefined : envValue(env, envName),
      config: config.run?.[key],
      default: (runDefaults as Partial<Record<RunOption, unknown>>)[key],
    };
    return resolveSetting(spec, layers) as NonNullable<NoxTestkitConfig['run']>[K];
  };
  const text = (s: string) => s;
  // --debug is one worker, headed, with no timeout: a person steps through one failure at a time.
  const debug = flags.debug === true;
  const headed = debug || (option('headed', '--headed', flags.headed, booleanFromText) as boolean);
  if (headed) needDisplay(debug ? '--debug' : '--headed', env);
  return {
    workers: debug ? 1 : (option('workers', '--workers', flags.workers) as number),
    retries: option('retries', '--retries', flags.retries) as number,
    reportDir: option('reportDir', '--report-dir', flags.reportDir, text) as string,
    strict: option('strict', '--strict', flags.strict, booleanFromText) as boolean,
    timeoutMs: option('timeoutMs', '--timeout', flags.timeout) as number,
    grep: flags.grep === undefined ? undefined : toRegExp(flags.grep),
    tags: listFromText(flags.tag?.join(',') ?? ''),
    shard: flags.shard === undefined ? undefined : toShard(flags.shard),
    mockUrl: resolveSetting(
      {
        flag: '--mock-url',
        env: runEnv.mockUrl,
        config: `${configName} mock.url`,
        schema: mockOptionSchemas.url,
      },
      { flag: flags.mockUrl, env: envValue(env, runEnv.mockUrl), config: config.mock?.url },
    ),
    pactDir:
      flags.pact === false ? undefined : (option('pactDir', '--pact-dir', flags.pactDir, text) as string),
    trace: option('trace', '--trace', flags.trace, text) as NonNullable<RunSettings['trace']>,
    headed,
    debug,
  };
}

/**
 * A visible browser needs a display: without one Chromium would fail to start after the mock and the app
 * did, so the run says so at once (exit 2), with what to do instead.
 */
function needDisplay(flag: string, env: NodeJS.ProcessEnv): void {
  if (process.platform !== 'linux' || envValue(env, 'DISPLAY') || envValue(env, 'WAYLAND_DISPLAY')) return;
  throw new SettingError(
    `${flag}: needs a display for the browser window, and none is set (DISPLAY and WAYLAND_DISPLAY are empty). Run it under a virtual one (xvfb-run npx nox-testkit run ${flag}), or leave ${flag} out: a failed scenario leaves a Playwright trace (--trace, on by default for failures) that "show-trace --port 0" serves to any browser.`,
  );
}

/** The reporters the run asked for (--reporter, NOX_TESTKIT_REPORTER, run.reporter), or undefined for the default set. */
export function resolveReporters(
  flags: RunFlags,
  env: NodeJS.ProcessEnv,
  config: NoxTestkitConfig,
  configName = 'the config file',
) {
  const names = resolveSetting(
    {
      flag: '--reporter',
      env: runEnv.reporter,
      config: `${configName} run.reporter`,
      schema: runOptionSchemas.reporter,
      fromText: listFromText,
    },
    { flag: flags.reporter?.join(','), env: envValue(env, runEnv.reporter), config: config.run?.reporter },
  );
  return names === undefined ? undefined : toReporterKinds(names);
}

/** Commander's collector of a repeatable flag: every value, in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** "a, b,c" as ["a", "b", "c"]: a repeated or comma-separated flag. */
function listFromText(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

function toRegExp(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch {
    throw new SettingError(`--grep: expected a regular expression, got "${text}"`);
  }
}

function toShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || index < 1 || total < 1 || index > total)
    throw new SettingError(`--shard: expected i/n with 1 ≤ i ≤ n, e.g. 2/3, got "${text}"`);
  return { index, count: total };
}
