import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createReporters } from './reporters.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';

describe('the reporters of a run', () => {
  test('write their files first, then the console summary names them', async () => {
    const reportDir = await mkdtemp(join(tmpdir(), 'nox-reporters-'));
    let out = '';
    const reporters = createReporters(['list', 'json', 'html'], {
      write: (t) => (out += t),
      color: false,
      tty: false,
    });
    try {
      for (const reporter of reporters) {
        await reporter.onRunEnd(createRunResultFixture(), reportDir);
        if (out === '') expect(await readdir(reportDir)).not.toEqual([]);
      }
      expect((await readdir(reportDir)).sort()).toEqual(['index.html', 'results.json']);
      expect(out).toContain(`Reports in ${reportDir}: index.html, results.json\n`);
    } finally {
      await rm(reportDir, { recursive: true, force: true });
    }
  });

  test('are the list, JUnit, JSON and HTML by default', () => {
    expect(createReporters().map((r) => r.name)).toEqual(['html', 'junit', 'json', 'list']);
  });

  test('take any of list, line, dot, json, junit and html, and console as the list', () => {
    expect(createReporters(['dot', 'junit']).map((r) => r.name)).toEqual(['junit', 'dot']);
    expect(createReporters(['line']).map((r) => r.name)).toEqual(['line']);
    expect(createReporters(['console', 'list']).map((r) => r.name)).toEqual(['list']);
  });
});
