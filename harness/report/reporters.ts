import type { ReporterKind } from '../config/reporter-names.ts';
import type { ConsoleReporterOptions } from './console-output.ts';
import { createDotReporter } from './dot-reporter.ts';
import { createHtmlReporter, htmlFile } from './html-reporter.ts';
import { createJsonReporter, jsonFile } from './json-reporter.ts';
import { createJunitReporter, junitFile } from './junit-reporter.ts';
import { createLineReporter } from './line-reporter.ts';
import { createListReporter } from './list-reporter.ts';
import type { Reporter } from './run-result.ts';

export { type ReporterKind, reporterKinds } from '../config/reporter-names.ts';

/** A run's reporters when none are named: the list on the console and every file. */
export const defaultReporterKinds: readonly ReporterKind[] = ['list', 'junit', 'json', 'html'];

const fileReporters = {
  html: { file: htmlFile, create: createHtmlReporter },
  junit: { file: junitFile, create: createJunitReporter },
  json: { file: jsonFile, create: createJsonReporter },
} as const;

const consoleReporters = {
  list: createListReporter,
  line: createLineReporter,
  dot: createDotReporter,
} as const;

/**
 * The reporters of a run. The console ones come last, so their summary, which names the report files,
 * is printed after they were written (the runner calls onRunEnd in order, awaiting each).
 */
export function createReporters(
  kinds: readonly ReporterKind[] = defaultReporterKinds,
  consoleOptions: ConsoleReporterOptions = {},
): Reporter[] {
  const files = (Object.keys(fileReporters) as (keyof typeof fileReporters)[]).filter((k) =>
    kinds.includes(k),
  );
  const reportFiles = files.map((k) => fileReporters[k].file);
  const named = kinds.map((k) => (k === 'console' ? 'list' : k));
  const consoles = [...new Set(named)].filter(
    (k): k is keyof typeof consoleReporters => k in consoleReporters,
  );
  return [
    ...files.map((k) => fileReporters[k].create()),
    ...consoles.map((k) => consoleReporters[k]({ reportFiles, ...consoleOptions })),
  ];
}
