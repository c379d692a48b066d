import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from './load-spec.ts';

const raw = parse(readFileSync(join(import.meta.dirname, '..', 'nox-auth.yaml'), 'utf8'));

describe("the auth spec's servers are NOX's", () => {
  test("the v2 paths sit under NOX's v2 base URL, and loadSpec serves them as /v2/…", () => {
    for (const path of [
      '/supplier/link-sessions',
      '/manufacturer/link-sessions',
      '/manufacturer/device-connections',
    ]) {
      expect(raw.paths[path].servers.map((s: { url: string }) => s.url)).toContain(
        'https://auth.nox.energy/v2',
      );
      expect(loadSpec('nox-auth.yaml').paths).toHaveProperty([`/v2${path}`]);
    }
    expect(raw.servers.map((s: { url: string }) => s.url)).toContain('https://auth.nox.energy');
  });

  test('POST /post-login-redirect, which NOX does not publish, is on no NOX server', () => {
    const urls = raw.paths['/post-login-redirect'].servers.map((s: { url: string }) => s.url);
    expect(urls.some((u: string) => u.includes('nox.energy'))).toBe(false);
    expect(loadSpec('nox-auth.yaml').paths).toHaveProperty(['/post-login-redirect']);
  });

  test("the data spec lists NOX's data hosts", () => {
    const urls = loadSpec('nox-data.yaml').servers.map((s: { url: string }) => s.url);
    expect(urls).toEqual(
      expect.arrayContaining(['https://api.nox.energy', 'https://api.sandbox.nox.energy']),
    );
  });
});
