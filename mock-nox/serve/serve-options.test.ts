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
});
