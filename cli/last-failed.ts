import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunResult, Scenario } from '../harness/index.ts';
import { UsageError } from './report-failure.ts';

/**
 * `--last-failed`: of the selected scenarios, those that failed in the last run, as its results.json in the
 * report folder has them (read before this run clears the folder). A last run that could not start ran
 * nothing, so all of them run again; one without failures leaves none (the command then says so).
 */
export function lastFailed(selected: Scenario[], reportDir: string): Scenario[] {
  const file = join(resolve(reportDir), 'results.json');
  let last: Pick<RunResult, 'scenarios' | 'error'>;
  try {
    last = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is none' : 'it cannot be read as JSON';
    throw new UsageError(
      `--last-failed: reads the last run's ${file}, and ${why}: run once without --last-failed (with the json reporter, on by default), or point --report-dir at that run's folder`,
    );
  }
  if (last.error) return selected;
  const failed = new Set((last.scenarios ?? []).filter((s) => s.status === 'failed').map((s) => s.id));
  return selected.filter((s) => failed.has(s.id));
}
