import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Scenario } from '../harness/index.ts';
import { lastFailed } from './last-failed.ts';

const selected = ['a', 'b', 'c'].map((id) => ({ id }) as Scenario);

function lastRun(results: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'nox-last-'));
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
  return dir;
}

describe('--last-failed', () => {
  test('keeps the selected scenarios that failed last time, in the selection order', () => {
    const dir = lastRun({
      scenarios: [
        { id: 'c', status: 'failed' },
        { id: 'b', status: 'passed' },
        { id: 'a', status: 'failed' },
        { id: 'gone', status: 'failed' },
      ],
    });
    expect(lastFailed(selected, dir).map((s) => s.id)).toEqual(['a', 'c']);
  });

  test('none when nothing failed; all when the last run could not start', () => {
    expect(lastFailed(selected, lastRun({ scenarios: [{ id: 'a', status: 'passed' }] }))).toEqual([]);
    const errored = lastRun({ scenarios: [], error: { code: 'SUPPLIER_START_FAILED', message: 'x' } });
    expect(lastFailed(selected, errored)).toEqual(selected);
  });

  test('without a last run, or with an unreadable one, says which file and what to do', () => {
    const empty = mkdtempSync(join(tmpdir(), 'nox-last-'));
    expect(() => lastFailed(selected, empty)).toThrow(
      `--last-failed: reads the last run's ${join(empty, 'results.json')}, and there is none: run once without --last-failed`,
    );
    const broken = mkdtempSync(join(tmpdir(), 'nox-last-'));
    writeFileSync(join(broken, 'results.json'), '{');
    expect(() => lastFailed(selected, broken)).toThrow('and it cannot be read as JSON');
  });
});
