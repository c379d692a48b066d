import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter } from './run-result.ts';

/** The file the JSON reporter writes in the report folder. */
export const jsonFile = 'results.json';

/** Writes `<reportDir>/results.json`: the whole RunResult, for tools and for diffing runs. */
export function createJsonReporter(): Reporter {
  return {
    name: 'json',
    async onRunEnd(result, reportDir) {
      await mkdir(reportDir, { recursive: true });
      await writeFile(join(reportDir, jsonFile), `${JSON.stringify(result, null, 2)}\n`);
    },
  };
}
