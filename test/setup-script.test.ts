// scripts/setup.sh in a copy of the repository's layout, with a stand-in npm on the PATH that records how it
// was called: `npm run demo` runs setup with --silent, and a first install used to be a minute of silence.
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');

function fakeRepository(): { dir: string; env: NodeJS.ProcessEnv; calls: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'nox-setup-'));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(root, 'scripts/setup.sh'), join(dir, 'scripts/setup.sh'));
  writeFileSync(join(dir, 'package-lock.json'), '{}');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  tool(
    'npm',
    `echo "$@" >> "${join(dir, 'npm-calls')}"\nmkdir -p node_modules && echo '{}' > node_modules/.package-lock.json\necho "added 612 packages in 52s"`,
  );
  // Found, so nothing is installed from Debian, whoever runs the test.
  tool('curl', 'exit 0');
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    NOX_TESTKIT_CHROMIUM: '/usr/bin/true',
    // What `npm run setup --silent` hands down to every npm it runs.
    npm_config_loglevel: 'silent',
  };
  return { dir, env, calls: () => readFileSync(join(dir, 'npm-calls'), 'utf8') };
}

describe('npm run setup', () => {
  test('says what it installs and how long it took, and lets npm report even under --silent', async () => {
    const { dir, env, calls } = fakeRepository();
    const setup = () => promisify(execFile)('bash', [join(dir, 'scripts/setup.sh')], { env });
    const first = await setup();
    const lines = first.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'setup: installing the npm dependencies from package-lock.json (npm ci, about a minute the first time)...',
    );
    expect(lines[1]).toBe('added 612 packages in 52s');
    expect(lines[2]).toMatch(/^setup: npm dependencies installed \(\d+ s\)\.$/);
    expect(calls().trim()).toBe('ci --no-audit --no-fund --loglevel=notice --progress=true');
    const again = await setup();
    expect(again.stdout).toContain('setup: npm dependencies up to date.');
    expect(calls().trim().split('\n')).toHaveLength(1);
  });
});
