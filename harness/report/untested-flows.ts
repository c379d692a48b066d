import { describeAddition } from './adapter-additions.ts';
import type { RunResult, ScenarioResult, Shard, UntestedFlow } from './run-result.ts';

/**
 * The flows with selected scenarios of which none ran (each one skipped or not run), with the distinct
 * reasons of the skips that are not for what the adapter lacks (adapterAdditions says what to add): a run
 * that tested only one flow says so instead of passing quietly. NOX's webhooks count as one more: their
 * scenarios (tag `webhooks`) link through flow 1, so a run without them would otherwise name no flow untested.
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
    if (mine.some((s) => s.status === 'passed' || s.status === 'failed')) return [];
    const others = mine.filter((s) => !s.missing?.length).map((s) => s.reason ?? s.status);
    return [{ flow, reasons: [...new Set(others)] }];
  });
}

/**
 * "Untested: the manufacturer-app flow", with the reasons that are not what the adapter lacks, e.g. "(not
 * run: …)". A shard sees only its share (its one webhook scenario may be the one that needs an optional
 * hook), so it says "in shard i/n".
 */
export function describeUntested({ flow, reasons }: UntestedFlow, shard?: Shard): string {
  const what = flow === 'webhooks' ? "NOX's webhooks" : `the ${flow} flow`;
  const where = shard ? ` in shard ${shard.index}/${shard.count}` : '';
  return `Untested${where}: ${what}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`;
}

/**
 * The untested part of a run as lines: each untested flow, then what to add to the adapter ("add readBack:
 * 2 more scenarios (…)"), indented under "To test more:". The console summary and the HTML header show them.
 */
export function untestedLines(result: Pick<RunResult, 'untested_flows' | 'untested' | 'shard'>): {
  flows: string[];
  additions: string[];
} {
  return {
    flows: (result.untested_flows ?? []).map((flow) => describeUntested(flow, result.shard)),
    additions: (result.untested ?? []).map(describeAddition),
  };
}
