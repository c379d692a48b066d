import type { ScenarioResult, UntestedFlow } from './run-result.ts';

/**
 * The flows with selected scenarios of which none ran (each one skipped), with their distinct skip
 * reasons: a run that tested only one flow says so instead of passing quietly.
 */
export function untestedFlows(scenarios: ScenarioResult[]): UntestedFlow[] {
  const flows = [...new Set(scenarios.map((s) => s.flow))];
  return flows.flatMap((flow) => {
    const mine = scenarios.filter((s) => s.flow === flow);
    if (mine.some((s) => s.status !== 'skipped')) return [];
    return [{ flow, reasons: [...new Set(mine.map((s) => s.reason ?? 'skipped'))] }];
  });
}

/** "Untested: the manufacturer-app flow (the adapter has no logInOnOAuthPage hook)". */
export function describeUntested({ flow, reasons }: UntestedFlow): string {
  return `Untested: the ${flow} flow (${reasons.join('; ')})`;
}
