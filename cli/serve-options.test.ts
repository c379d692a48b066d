import { describe, expect, test } from 'vitest';
import { SettingError } from '../common/precedence.ts';
import { resolveServeOptions } from './serve-options.ts';

const file = (mock: Record<string, unknown>) => ({ mock, name: 'nox.json' });

describe('serve options', () => {
  test('take the flag, then the env variable, then the config file, then the default', () => {
    const config = file({ port: 1000, host: '0.0.0.0', db: 'file.json' });
    const env = { NOX_TESTKIT_PORT: '2000', NOX_TESTKIT_HOST: '::1' };
    expect(resolveServeOptions({ port: '3000' }, env, config)).toMatchObject({
      port: 3000,
      host: '::1',
      db: 'file.json',
    });
    expect(resolveServeOptions({}, {})).toMatchObject({
      port: 4400,
      host: '127.0.0.1',
      db: '.nox-testkit/db.json',
      inMemory: false,
    });
  });

  test.each([
    [
      { port: '70000' },
      /^--port: expected a whole number from 0 to 65535 \(0 picks a free port\), got "70000"$/,
    ],
    [{ publicUrl: 'nox.local' }, /^--public-url: expected an http\(s\) origin/],
    [{ db: 'x.json', inMemory: true }, /--db and --in-memory exclude each other/],
  ])('name the bad value in the error: %j', (flags, message) => {
    expect(() => resolveServeOptions(flags, {})).toThrow(SettingError);
    expect(() => resolveServeOptions(flags, {})).toThrow(message);
  });

  test('name a bad value by its env variable or config key', () => {
    expect(() => resolveServeOptions({}, { NOX_TESTKIT_PORT: 'x' })).toThrow(/^NOX_TESTKIT_PORT: .*got "x"$/);
    expect(() => resolveServeOptions({}, {}, file({ port: -1 }))).toThrow(/^nox.json mock.port: .*got -1$/);
    expect(() => resolveServeOptions({}, { NOX_TESTKIT_IN_MEMORY: 'maybe' })).toThrow(
      'NOX_TESTKIT_IN_MEMORY: expected true or false, got "maybe"',
    );
  });

  test('read NOX_TESTKIT_IN_MEMORY=1 as true and strip a trailing slash from the public URL', () => {
    const options = resolveServeOptions(
      { publicUrl: 'http://nox.local:4400/' },
      { NOX_TESTKIT_IN_MEMORY: '1' },
    );
    expect(options).toMatchObject({ inMemory: true, publicUrl: 'http://nox.local:4400' });
  });

  test('let a --db flag win over NOX_TESTKIT_IN_MEMORY=1, and take an empty env variable as unset', () => {
    expect(resolveServeOptions({ db: 'mine.json' }, { NOX_TESTKIT_IN_MEMORY: '1' })).toMatchObject({
      db: 'mine.json',
      inMemory: false,
    });
    expect(resolveServeOptions({}, { NOX_TESTKIT_PORT: '' }).port).toBe(4400);
  });

  test("check the config file's policies like PUT /__nox/policies does", () => {
    const bad = file({ policies: { lifetime_v2_seconds: '60', same_supplier_user: 'bogus' } });
    expect(() => resolveServeOptions({}, {}, bad)).toThrow(
      /^nox.json mock.policies: .*lifetime_v2_seconds must be an integer/,
    );
    expect(resolveServeOptions({}, {}, file({ policies: { same_supplier_user: 'merge' } })).policies).toEqual(
      {
        same_supplier_user: 'merge',
      },
    );
  });
});
