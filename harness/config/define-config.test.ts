import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HarnessError } from '../errors.ts';
import { defineConfig, loadConfig } from './define-config.ts';

const jsonConfig = (value: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'nox-config-')), 'nox-testkit.json');
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('loadConfig', () => {
  test("accepts this repository's own config, as its schema types it", async () => {
    const { config, dir } = await loadConfig(resolve(import.meta.dirname, '../../nox-testkit.config.ts'));
    expect(config.supplier.name).toBeTruthy();
    expect(typeof config.supplier.hooks.startConnection).toBe('function');
    expect(dir).toBe(resolve(import.meta.dirname, '../..'));
  });

  test('reports every problem at once, one line each, naming the file and the key', async () => {
    const file = jsonConfig({
      supplier: { name: 'Volt', url: 'nox.local', env: { port: 3000 }, hooks: 'none' },
      run: { reporter: ['list', 'pdf'], strict: 'yes' },
      mock: { port: 70000 },
      extra: true,
    });
    const error = await loadConfig(file).catch((e: HarnessError) => e);
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).code).toBe('CONFIG_INVALID');
    expect((error as Error).message.split('\n').map((line) => line.replace(`${file} `, ''))).toEqual([
      'supplier.url: expected an http(s) URL such as http://127.0.0.1:3000, got "nox.local"',
      'supplier.env.port: expected a non-empty string, got 3000',
      'supplier.hooks: expected an object, got "none"',
      'mock.port: expected a whole number from 0 to 65535 (0 picks a free port), got 70000',
      'run.strict: expected true or false, got "yes"',
      expect.stringMatching(/^run\.reporter\.1: expected one of list, .*html, got "pdf"$/),
      `${file}: unknown key "extra"`,
    ]);
  });

  test('asks for start.command or url, next to the other problems of the supplier', async () => {
    const error = await loadConfig(jsonConfig({ supplier: { name: 'Volt', hooks: {} } })).catch((e) => e);
    expect((error as Error).message).toContain('supplier: give start.command (to start the app) or url');
    expect((error as Error).message).toContain(
      'supplier.hooks.startConnection: expected a function, got nothing',
    );
  });
});

test('defineConfig types the config from the same schema that checks it', () => {
  const hooks = { startConnection: async () => {}, readOutcome: async () => null };
  expect(
    defineConfig({ supplier: { name: 'Volt', url: 'http://127.0.0.1:3000', hooks } }).supplier.name,
  ).toBe('Volt');
  // @ts-expect-error run.workers is a number in the schema, so in the type
  defineConfig({ supplier: { name: 'Volt', url: 'http://x', hooks }, run: { workers: '2' } });
});
