import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findScreenshots } from './find-screenshots.ts';
import { renderHtmlReport } from './render-html-report.ts';
import type { Reporter } from './run-result.ts';

/** The file the HTML reporter writes in the report folder. */
export const htmlFile = 'index.html';

/**
 * Writes `<reportDir>/index.html`: one page with every scenario, each attempt's steps, calls and failure; its
 * screenshots stay files in the report folder (`screenshots/...`), linked by relative path.
 */
export function createHtmlReporter(): Reporter {
  return {
    name: 'html',
    async onRunEnd(result, reportDir) {
      await mkdir(reportDir, { recursive: true });
      const screenshots = await findScreenshots(result, reportDir);
      await writeFile(join(reportDir, htmlFile), renderHtmlReport(result, screenshots));
    },
  };
}
