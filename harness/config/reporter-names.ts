import { type ReporterKind, reporterKinds } from '../report/reporters.ts';

/** The reporter names `--reporter`, `NOX_TESTKIT_REPORTER` and the config's `run.reporter` accept. */
export const reporterNames = [...reporterKinds] as [ReporterKind, ...ReporterKind[]];

/** The harness's reporter kinds of the names a user gave, in the harness's order. */
export function toReporterKinds(names: readonly string[]): ReporterKind[] {
  return reporterKinds.filter((kind) => names.includes(kind));
}
