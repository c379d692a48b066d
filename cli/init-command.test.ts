import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../test/test-support/run-cli.ts';

const root = resolve(import.meta.dirname, '..');

/** A fresh project folder with this package.json. */
function project(pkg: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nox-init-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  return dir;
}

describe('nox-testkit init', () => {
  for (const [kind, pkg, syntax] of [
    [
      'an ES-module',
      { name: 'volt-app', type: 'module', scripts: { start: 'node app.js' } },
      /^export default defineConfig\(\{$/m,
    ],
    [
      'a CommonJS',
      { name: 'volt-app', scripts: { start: 'node app.js' } },
      /^module\.exports = defineConfig\(\{$/m,
    ],
  ] as const) {
    test(`writes a config in ${kind} project's own syntax that "run --list" accepts`, async () => {
      const dir = project(pkg);
      const result = await runCli(['init'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Wrote nox-testkit.config.ts');
      expect(result.stdout).toContain('npx nox-testkit doctor');
      const text = readFileSync(join(dir, 'nox-testkit.config.ts'), 'utf8');
      expect(text).toMatch(syntax);
      expect(text).toContain("name: 'volt-app'");
      expect(text).toContain("start: { command: 'npm start' }");
      expect(existsSync(join(dir, '.github'))).toBe(false);
      // The package is not installed here: the same file, with the harness's sources in its place.
      const checked = join(dir, 'checked.config.ts');
      writeFileSync(
        checked,
        text.replaceAll("'nox-testkit'", JSON.stringify(join(root, 'harness/index.ts'))),
      );
      const list = await runCli(['run', '--list', '--grep', 'happy-path', '--config', checked], { cwd: dir });
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toContain('v2-heat-pump-happy-path');
    }, 60_000);
  }

  test('--github-actions also writes a workflow that runs the catalogue and keeps its reports', async () => {
    const dir = project({ name: 'volt-app' });
    const result = await runCli(['init', '--github-actions'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const workflow = parse(readFileSync(join(dir, '.github/workflows/nox-testkit.yml'), 'utf8'));
    const steps: { run?: string; uses?: string; with?: Record<string, string> }[] = workflow.jobs.nox.steps;
    expect(steps.map((s) => s.run).filter(Boolean)).toContain('npx nox-testkit run');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path).toBe('reports/');
    expect(readFileSync(join(dir, 'nox-testkit.config.ts'), 'utf8')).toContain(
      'Your package.json has no "start" script',
    );
  }, 30_000);

  test('never overwrites: a file already there is named, nothing is written, exit 1', async () => {
    const dir = project({ name: 'volt-app', type: 'module' });
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/nox-testkit.yml'), 'mine');
    const result = await runCli(['init', '--github-actions'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'nox-testkit init: .github/workflows/nox-testkit.yml exists already; nothing was written (init never overwrites a file). Edit it, or move it away and run init again.\n',
    );
    expect(existsSync(join(dir, 'nox-testkit.config.ts'))).toBe(false);
    expect(readFileSync(join(dir, '.github/workflows/nox-testkit.yml'), 'utf8')).toBe('mine');
    writeFileSync(join(dir, 'nox-testkit.config.ts'), 'mine too');
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('nox-testkit.config.ts exists already; nothing was written');
    expect(readFileSync(join(dir, 'nox-testkit.config.ts'), 'utf8')).toBe('mine too');
  }, 30_000);

  test('outside a project (no package.json) it says where to run it, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nox-init-'));
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no package.json in ${dir}: run init in your project's folder`);
    expect(existsSync(join(dir, 'nox-testkit.config.ts'))).toBe(false);
  }, 30_000);
});
