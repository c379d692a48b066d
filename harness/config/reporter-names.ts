import { type ReporterKind, reporterKinds } from '../report/reporters.ts';

// `list` is the flag's name (Playwright's) for the console reporter; once the reporters carry that name
// themselves, the mapping below changes nothing.
const flagName = (kind: ReporterKind): string => ((kind as string) === 'console' ? 'list' : kind);

/** The reporter names `--reporter`, `NOX_TESTKIT_REPORTER` and the config's `run.reporter` accept. */
export const reporterNames = reporterKinds.map(flagName) as [string, ...string[]];

/** The harness's reporter kinds of the names a user gave. */
export function toReporterKinds(names: readonly string[]): ReporterKind[] {
  return reporterKinds.filter((kind) => names.includes(flagName(kind)));
}
