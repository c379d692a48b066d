import type { AdapterAddition, ScenarioResult } from './run-result.ts';

/**
 * What to add to the adapter to test more, from the results: the skipped scenarios grouped by what they
 * lack together (adding all of it runs them), and the scenarios that ran with checks left out, by what
 * those checks read. Most scenarios first.
 */
export function adapterAdditions(scenarios: ScenarioResult[]): AdapterAddition[] {
  const byAdd = new Map<string, AdapterAddition>();
  const entry = (add: string[]) => {
    const key = add.join('\n');
    let found = byAdd.get(key);
    if (!found) {
      found = { add, scenarios: [], checks_in: [] };
      byAdd.set(key, found);
    }
    return found;
  };
  for (const s of scenarios) {
    if (s.status === 'skipped' && s.missing?.length) entry(s.missing).scenarios.push(s.id);
    for (const missing of new Set((s.not_checked ?? []).map((n) => n.missing)))
      entry([missing]).checks_in.push(s.id);
  }
  return [...byAdd.values()].sort(
    (a, b) => b.scenarios.length - a.scenarios.length || b.checks_in.length - a.checks_in.length,
  );
}

/** "readBack", "readBack's status". */
const named = (gap: string) => gap.replace(/^readBack\.(.+)$/, "readBack's $1");

const scenariosCount = (n: number) => `${n} more scenario${n === 1 ? '' : 's'}`;

/**
 * "add readBack: 2 more scenarios (a, b), and its checks in 13 that ran without it (c, …)", or for several
 * things together "add oauthLoginPath and logInOnOAuthPage: 8 more scenarios (…)".
 */
export function describeAddition({ add, scenarios, checks_in }: AdapterAddition): string {
  const names = add.map(named);
  const what = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  const runs = scenarios.length > 0 && `${scenariosCount(scenarios.length)} (${scenarios.join(', ')})`;
  const checks =
    checks_in.length > 0 &&
    `${runs ? 'and ' : ''}its checks in ${checks_in.length} scenario${checks_in.length === 1 ? '' : 's'} that ran without it (${checks_in.join(', ')})`;
  return `add ${what}: ${[runs, checks].filter(Boolean).join(', ')}`;
}
