import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { RunResult } from './run-result.ts';

/**
 * The screenshot paths of every attempt that name a file inside the report folder, so the report links only
 * to images that are there; a path outside the folder is left out, as the report must not point elsewhere.
 */
export async function findScreenshots(result: RunResult, reportDir: string): Promise<Set<string>> {
  const attempts = result.scenarios.flatMap((s) => [s, ...(s.previous_attempts ?? [])]);
  const paths = new Set(attempts.flatMap((a) => a.steps.flatMap((step) => step.screenshot ?? [])));
  const found = new Set<string>();
  await Promise.all(
    [...paths].map(async (path) => {
      const file = resolve(reportDir, path);
      const inside = relative(resolve(reportDir), file);
      if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return;
      if (
        await stat(file).then(
          (s) => s.isFile(),
          () => false,
        )
      )
        found.add(path);
    }),
  );
  return found;
}

/** A screenshot's path as a relative URL: forward slashes, each segment encoded (a `#` or space stays a file name). */
export function screenshotUrl(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
