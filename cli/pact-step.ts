/** The exit code of a run whose verdict was given but whose Pact file could not be written. */
export const PACT_WRITE_FAILED_EXIT = 3;

/**
 * Runs the pact step so that it never changes the supplier's verdict: a failure is the harness's own,
 * reported with its own code and exit code (3), after the verdict was printed.
 */
export async function runPactStep(write: () => Promise<void>, verdictExit: number): Promise<number> {
  try {
    await write();
    return verdictExit;
  } catch (error) {
    const reason = (error as Error).message.split('\n').slice(0, 6).join('\n  ');
    process.stderr.write(
      `nox-testkit run: the scenarios' verdict stands, but writing the Pact file failed. This is a nox-testkit ` +
        `error, not your supplier's: please report it.\n  ${reason} [PACT_WRITE_FAILED]\n`,
    );
    return verdictExit === 0 ? PACT_WRITE_FAILED_EXIT : verdictExit;
  }
}
