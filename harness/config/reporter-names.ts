// The reporter names only, without the renderers: `serve` loads the config schema, and importing the
// reporters from here pulled in the JUnit and HTML renderers (xmlbuilder2, js-yaml), ~180 ms of its start.

/** The reporters `nox-testkit run` knows, by the name `--reporter` uses: three for the console, three files. */
export const reporterKinds = ['list', 'line', 'dot', 'json', 'junit', 'html'] as const;

/** A reporter's name; `console` is the former name of `list`, still accepted. */
export type ReporterKind = (typeof reporterKinds)[number] | 'console';

/** The reporter names `--reporter`, `NOX_TESTKIT_REPORTER` and the config's `run.reporter` accept. */
export const reporterNames = [...reporterKinds] as [ReporterKind, ...ReporterKind[]];

/** The harness's reporter kinds of the names a user gave, in the harness's order. */
export function toReporterKinds(names: readonly string[]): ReporterKind[] {
  return reporterKinds.filter((kind) => names.includes(kind));
}
