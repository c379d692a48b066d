import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { RunResult } from './run-result.ts';

/** The run's screenshots as data URLs, by their path in the report; missing or unreadable files are left out. */
export async function loadScreenshots(result: RunResult, reportDir: string): Promise<Map<string, string>> {
  const paths = new Set(result.scenarios.flatMap((s) => s.steps.flatMap((step) => step.screenshot ?? [])));
  const loaded = new Map<string, string>();
  await Promise.all(
    [...paths].map(async (path) => {
      const file = resolve(reportDir, path);
      // Only files inside the report folder: the HTML must not pull in anything else from the disk.
      const inside = relative(resolve(reportDir), file);
      if (inside.startsWith('..') || isAbsolute(inside)) return;
      try {
        const type = /\.jpe?g$/i.test(path) ? 'image/jpeg' : 'image/png';
        loaded.set(path, `data:${type};base64,${(await readFile(file)).toString('base64')}`);
      } catch {}
    }),
  );
  return loaded;
}
