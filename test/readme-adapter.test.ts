import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { loadConfig } from '../harness/config/define-config.ts';

const root = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

// The README's first adapter is what a new user copies: a hook that drops brand or language fails two
// required scenarios whose link sessions lack them, blaming the app.
test("the README's sample adapter passes assetType, brand and language on to the app", async () => {
  const section = readme.split('## Test your integration')[1] ?? '';
  const sample = /```ts\n([\s\S]*?)```/.exec(section)?.[1]?.replace(/^ {3}/gm, '') ?? '';
  expect(sample).toContain("from 'nox-testkit'");
  const dir = mkdtempSync(join(tmpdir(), 'nox-readme-adapter-'));
  try {
    const file = join(dir, 'nox-testkit.config.ts');
    writeFileSync(file, sample.replace("'nox-testkit'", JSON.stringify(join(root, 'harness', 'index.ts'))));
    const { config } = await loadConfig(file);
    const visited: string[] = [];
    const page = { goto: async (url: string) => void visited.push(url) } as unknown as Page;
    const ctx = { page, baseUrl: 'http://127.0.0.1:3000', user: 'cust 1&2' };
    await config.supplier.hooks.startConnection(ctx, { assetType: 'pv', brand: 'sma', language: 'fr' });
    const url = new URL(visited[0] ?? 'http://none');
    expect(url.searchParams.get('user')).toBe('cust 1&2');
    const then = new URL(url.searchParams.get('then') ?? '', url);
    expect(Object.fromEntries(then.searchParams)).toEqual({ type: 'pv', brand: 'sma', language: 'fr' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
