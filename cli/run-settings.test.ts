import { describe, expect, test } from 'vitest';
import { type NoxTestkitConfig, type Scenario, selectScenarios } from '../harness/index.ts';
import { resolveRunSettings } from './run-settings.ts';

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
    [{ workers: '0' }, '--workers must be a whole number from 1 to 32, got "0"'],
    [{ shard: '4/3' }, '--shard must be i/n with 1 ≤ i ≤ n'],
    [{ grep: '(' }, '--grep "(" is not a valid regular expression'],
  ])('name a bad value: %j', (flags, message) => {
    expect(() => resolveRunSettings(flags, {}, config())).toThrow(message);
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

  test('splits into shards that together hold every scenario once', () => {
    const shards = [1, 2, 3].map((index) =>
      selectScenarios(all, { tags: [], shard: { index, count: 3 } }).map((s) => s.id),
    );
    expect(shards.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shards.map((s) => s.length)).toEqual([2, 2, 1]);
  });
});
