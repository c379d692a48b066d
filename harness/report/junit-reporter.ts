import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderJunitXml } from './render-junit-xml.ts';
import type { Reporter } from './run-result.ts';

/** The file the JUnit reporter writes in the report folder. */
export const junitFile = 'junit.xml';

/** Writes `<reportDir>/junit.xml` for CI test views. */
export function createJunitReporter(): Reporter {
  return {
    name: 'junit',
    async onRunEnd(result, reportDir) {
      await mkdir(reportDir, { recursive: true });
      await writeFile(join(reportDir, junitFile), renderJunitXml(result));
    },
  };
}
