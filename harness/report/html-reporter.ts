import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadScreenshots } from './load-screenshots.ts';
import { renderHtmlReport } from './render-html-report.ts';
import type { Reporter } from './run-result.ts';

/** The file the HTML reporter writes in the report folder. */
export const htmlFile = 'index.html';

/** Writes `<reportDir>/index.html`: one self-contained page with every scenario, its steps, screenshots and calls. */
export function createHtmlReporter(): Reporter {
  return {
    name: 'html',
    async onRunEnd(result, reportDir) {
      await mkdir(reportDir, { recursive: true });
      const screenshots = await loadScreenshots(result, reportDir);
      await writeFile(join(reportDir, htmlFile), renderHtmlReport(result, screenshots));
    },
  };
}
