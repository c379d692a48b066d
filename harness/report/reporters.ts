import { type ConsoleReporterOptions, createConsoleReporter } from './console-reporter.ts';
import { createHtmlReporter, htmlFile } from './html-reporter.ts';
import { createJsonReporter, jsonFile } from './json-reporter.ts';
import { createJunitReporter, junitFile } from './junit-reporter.ts';
import type { Reporter } from './run-result.ts';

/** The reporters `nox-testkit run` knows, by the name a flag would use. */
export const reporterKinds = ['console', 'junit', 'json', 'html'] as const;

export type ReporterKind = (typeof reporterKinds)[number];

const fileReporters = {
  html: { file: htmlFile, create: createHtmlReporter },
  junit: { file: junitFile, create: createJunitReporter },
  json: { file: jsonFile, create: createJsonReporter },
} as const;

/**
 * The reporters of a run. The console one comes last, so its summary, which names the report files,
 * is printed after they were written (the runner calls onRunEnd in order, awaiting each).
 */
export function createReporters(
  kinds: readonly ReporterKind[] = reporterKinds,
  consoleOptions: ConsoleReporterOptions = {},
): Reporter[] {
  const files = (Object.keys(fileReporters) as (keyof typeof fileReporters)[]).filter((k) =>
    kinds.includes(k),
  );
  const reporters: Reporter[] = files.map((k) => fileReporters[k].create());
  if (kinds.includes('console')) {
    const reportFiles = files.map((k) => fileReporters[k].file);
    reporters.push(createConsoleReporter({ reportFiles, ...consoleOptions }));
  }
  return reporters;
}
