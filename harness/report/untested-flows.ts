import type { ScenarioResult, Shard, UntestedFlow } from './run-result.ts';

/**
 * The flows with selected scenarios of which none ran (each one skipped), with their distinct skip
 * reasons: a run that tested only one flow says so instead of passing quietly. NOX's webhooks count as
 * one more: their scenarios (tag `webhooks`) link through flow 1, so a run without them would otherwise
 * name no flow untested.
 */
export function untestedFlows(scenarios: ScenarioResult[]): UntestedFlow[] {
  const areas = new Map<UntestedFlow['flow'], ScenarioResult[]>();
  const add = (area: UntestedFlow['flow'], s: ScenarioResult) => {
    const mine = areas.get(area);
    if (mine) mine.push(s);
    else areas.set(area, [s]);
  };
  for (const s of scenarios) add(s.flow, s);
  // After the flows, so their lines come first.
  for (const s of scenarios) if (s.tags.some((t) => t.toLowerCase() === 'webhooks')) add('webhooks', s);
  return [...areas].flatMap(([flow, mine]) => {
    if (mine.some((s) => s.status !== 'skipped')) return [];
    return [{ flow, reasons: [...new Set(mine.map((s) => s.reason ?? 'skipped'))] }];
  });
}

/**
 * "Untested: the manufacturer-app flow (the adapter has no logInOnOAuthPage hook)". A shard sees only its
 * share (its one webhook scenario may be the one that needs an optional hook), so it says "in shard i/n".
 */
export function describeUntested({ flow, reasons }: UntestedFlow, shard?: Shard): string {
  const what = flow === 'webhooks' ? "NOX's webhooks" : `the ${flow} flow`;
  const where = shard ? ` in shard ${shard.index}/${shard.count}` : '';
  return `Untested${where}: ${what} (${reasons.join('; ')})`;
}
