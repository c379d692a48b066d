import { describe, expect, test } from 'vitest';
import { type NoxTestkitConfig, type Scenario, selectScenarios, toReporterKinds } from '../harness/index.ts';
import { resolveReporters, resolveRunSettings } from './run-settings.ts';

const config = (run: NoxTestkitConfig['run'] = {}) =>
  ({ supplier: {} as NoxTestkitConfig['supplier'], run }) as NoxTestkitConfig;

describe('run settings', () => {
  test('take the flag, then the env variable, then the config file, then the default', () => {
    expect(
      resolveRunSettings({ workers: '3' }, { NOX_TESTKIT_WORKERS: '2' }, config({ workers: 1 })).workers,
    ).toBe(3);
    expect(resolveRunSettings({}, { NOX_TESTKIT_WORKERS: '2' }, config({ workers: 1 })).workers).toBe(2);
    expect(resolveRunSettings({}, {}, config({ workers: 1 })).workers).toBe(1);
    expect(resolveRunSettings({}, {}, config())).toMatchObject({
      workers: 4,
      retries: 0,
      reportDir: 'reports',
      strict: false,
    });
    expect(resolveRunSettings({}, { NOX_TESTKIT_STRICT: '1' }, config()).strict).toBe(true);
  });

  test.each([
    [{ workers: '0' }, '--workers: expected a whole number from 1 to 32, got "0"'],
    [{ timeout: '5s' }, '--timeout: expected a whole number from 1000 to 600000 (milliseconds), got "5s"'],
    [{ shard: '4/3' }, '--shard: expected i/n with 1 ≤ i ≤ n'],
    [{ grep: '(' }, '--grep: expected a regular expression, got "("'],
  ])('name a bad value: %j', (flags, message) => {
    expect(() => resolveRunSettings(flags, {}, config())).toThrow(message);
  });

  test('name a bad value by where it came from: the flag, the env variable or the config key', () => {
    const name = 'nox-testkit.config.ts';
    expect(() => resolveRunSettings({ retries: '9' }, {}, config(), name)).toThrow(/^--retries: /);
    expect(() => resolveRunSettings({}, { NOX_TESTKIT_RETRIES: '9' }, config(), name)).toThrow(
      /^NOX_TESTKIT_RETRIES: expected a whole number from 0 to 5, got "9"$/,
    );
    expect(() => resolveRunSettings({}, {}, config({ retries: 9 }), name)).toThrow(
      /^nox-testkit.config.ts run.retries: expected a whole number from 0 to 5, got 9$/,
    );
    expect(() => resolveRunSettings({}, { NOX_TESTKIT_STRICT: 'maybe' }, config(), name)).toThrow(
      'NOX_TESTKIT_STRICT: expected true or false, got "maybe"',
    );
  });

  test('--trace and --headed follow the same precedence; --trace defaults to retain-on-failure', () => {
    const display = { DISPLAY: ':99' };
    expect(resolveRunSettings({}, {}, config()).trace).toBe('retain-on-failure');
    expect(resolveRunSettings({}, {}, config({ trace: 'off' })).trace).toBe('off');
    expect(resolveRunSettings({}, { NOX_TESTKIT_TRACE: 'on' }, config({ trace: 'off' })).trace).toBe('on');
    expect(
      resolveRunSettings({ trace: 'off' }, { NOX_TESTKIT_TRACE: 'on' }, config({ trace: 'on' })).trace,
    ).toBe('off');
    expect(() => resolveRunSettings({ trace: 'always' }, {}, config())).toThrow(
      '--trace: expected one of on, retain-on-failure, off, got "always"',
    );
    expect(resolveRunSettings({}, display, config({ headed: true })).headed).toBe(true);
    expect(resolveRunSettings({}, { ...display, NOX_TESTKIT_HEADED: '1' }, config()).headed).toBe(true);
    expect(resolveRunSettings({}, {}, config()).headed).toBe(false);
  });

  test('--debug is one worker and headed whatever else says', () => {
    const settings = resolveRunSettings(
      { debug: true, workers: '8' },
      { DISPLAY: ':99' },
      config({ headed: false }),
    );
    expect(settings).toMatchObject({ debug: true, headed: true, workers: 1 });
  });

  test.runIf(process.platform === 'linux')(
    'a headed run without a display says so before anything starts, and what to do instead',
    () => {
      for (const flags of [{ headed: true }, { debug: true }]) {
        const flag = flags.headed ? '--headed' : '--debug';
        expect(() => resolveRunSettings(flags, { DISPLAY: '', WAYLAND_DISPLAY: '' }, config())).toThrow(
          `${flag}: needs a display for the browser window, and none is set (DISPLAY and WAYLAND_DISPLAY are empty). Run it under a virtual one (xvfb-run npx nox-testkit run ${flag})`,
        );
      }
    },
  );

  test('--no-pact leaves out the Pact file whatever the env variable says', () => {
    expect(
      resolveRunSettings({ pact: false }, { NOX_TESTKIT_PACT_DIR: 'p' }, config()).pactDir,
    ).toBeUndefined();
    expect(resolveRunSettings({}, { NOX_TESTKIT_PACT_DIR: 'p' }, config()).pactDir).toBe('p');
  });
});

describe('reporters', () => {
  test('take repeated and comma-separated --reporter, then NOX_TESTKIT_REPORTER, then run.reporter', () => {
    const env = { NOX_TESTKIT_REPORTER: 'json' };
    expect(
      resolveReporters({ reporter: ['list', 'junit,html'] }, env, config({ reporter: ['json'] })),
    ).toEqual(toReporterKinds(['list', 'junit', 'html']));
    expect(resolveReporters({}, env, config({ reporter: ['junit'] }))).toEqual(['json']);
    expect(resolveReporters({}, {}, config({ reporter: ['junit'] }))).toEqual(['junit']);
    expect(resolveReporters({}, {}, config())).toBeUndefined();
  });

  test('map the name list to the console reporter (its name in the harness until it is called list)', () => {
    expect(toReporterKinds(['list'])).toHaveLength(1);
    expect(['console', 'list']).toContain(toReporterKinds(['list'])[0]);
  });

  test('name an unknown reporter and the ones there are', () => {
    expect(() => resolveReporters({ reporter: ['list,bogus'] }, {}, config())).toThrow(
      /^--reporter: expected one of list, .*html, got "bogus"$/,
    );
  });
});

describe('scenario selection', () => {
  const scenario = (id: string, tags: string[]) => ({ id, name: `does ${id}`, tags }) as unknown as Scenario;
  const all = ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
    scenario(id, i % 2 ? ['expiry'] : ['happy-path', 'v2']),
  );

  test('filters by --grep on id or name and by any --tag', () => {
    const ids = (s: Scenario[]) => s.map((x) => x.id);
    expect(ids(selectScenarios(all, { grep: /^does [bc]$/, tags: [] }))).toEqual(['b', 'c']);
    expect(ids(selectScenarios(all, { tags: ['expiry'] }))).toEqual(['b', 'd']);
  });

  test('match --tag in any case, as --grep does', () => {
    expect(selectScenarios(all, { tags: ['EXPIRY'] }).map((s) => s.id)).toEqual(['b', 'd']);
    expect(selectScenarios([scenario('x', ['Flow2'])], { tags: ['flow2'] })).toHaveLength(1);
  });

  test('splits into shards that together hold every scenario once', () => {
    const shards = [1, 2, 3].map((index) =>
      selectScenarios(all, { tags: [], shard: { index, count: 3 } }).map((s) => s.id),
    );
    expect(shards.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shards.map((s) => s.length)).toEqual([2, 2, 1]);
  });
});
