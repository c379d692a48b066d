import { describe, expect, test } from 'vitest';
import { resolveServeOptions, ServeOptionError } from './serve-options.ts';

describe('serve options', () => {
  test('take the flag, then the env variable, then the config file, then the default', () => {
    const file = { port: 1000, host: '0.0.0.0', db: 'file.json' };
    const env = { NOX_TESTKIT_PORT: '2000', NOX_TESTKIT_HOST: '::1' };
    expect(resolveServeOptions({ port: '3000' }, env, file)).toMatchObject({
      port: 3000,
      host: '::1',
      db: 'file.json',
    });
    expect(resolveServeOptions({}, {}, {})).toMatchObject({
      port: 4400,
      host: '127.0.0.1',
      db: '.nox-testkit/db.json',
      inMemory: false,
    });
  });

  test.each([
    [{ port: '70000' }, /port must be a whole number from 0 to 65535/],
    [{ publicUrl: 'nox.local' }, /public-url must be an http\(s\) origin/],
    [{ db: 'x.json', inMemory: true }, /--db and --in-memory exclude each other/],
  ])('name the bad value in the error: %j', (flags, message) => {
    expect(() => resolveServeOptions(flags, {}, {})).toThrow(ServeOptionError);
    expect(() => resolveServeOptions(flags, {}, {})).toThrow(message);
  });

  test('read NOX_TESTKIT_IN_MEMORY=1 as true and strip a trailing slash from the public URL', () => {
    const options = resolveServeOptions(
      { publicUrl: 'http://nox.local:4400/' },
      { NOX_TESTKIT_IN_MEMORY: '1' },
      {},
    );
    expect(options).toMatchObject({ inMemory: true, publicUrl: 'http://nox.local:4400' });
  });

  test('let a --db flag win over NOX_TESTKIT_IN_MEMORY=1, and take an empty env variable as unset', () => {
    expect(resolveServeOptions({ db: 'mine.json' }, { NOX_TESTKIT_IN_MEMORY: '1' }, {})).toMatchObject({
      db: 'mine.json',
      inMemory: false,
    });
    expect(resolveServeOptions({}, { NOX_TESTKIT_PORT: '' }, {}).port).toBe(4400);
  });

  test("check the config file's policies like PUT /__nox/policies does", () => {
    const file = { policies: { lifetime_v2_seconds: '60', same_supplier_user: 'bogus' } };
    expect(() => resolveServeOptions({}, {}, file)).toThrow(
      /policies in the config file: .*lifetime_v2_seconds must be an integer/,
    );
    expect(resolveServeOptions({}, {}, { policies: { same_supplier_user: 'merge' } }).policies).toEqual({
      same_supplier_user: 'merge',
    });
  });
});
