/**
 * What the supplier's link session carries of an option the harness gave startConnection (its `brand` or
 * `language`), for an expectation's "actual". When it carries none or another value, both causes are named:
 * the hook may not pass the option on to the app, or the app dropped (or replaced) it; `withoutIt` says
 * what NOX does without it ("NOX then uses nl").
 */
export function describeUnsentOption(
  option: 'brand' | 'language',
  given: string,
  sent: unknown,
  withoutIt?: string,
): string {
  const causes = `either the startConnection hook did not pass on the ${option} "${given}" it was given (its options.${option}) to the app, or the app`;
  if (sent === undefined)
    return `it sent no ${option}${withoutIt ? ` (${withoutIt})` : ''}: ${causes} dropped it`;
  return `it sent ${JSON.stringify(sent)}: ${causes} replaced it`;
}
