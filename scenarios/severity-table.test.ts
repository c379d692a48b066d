import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtInScenarioDir, loadScenarios } from '../harness/runner/load-scenarios.ts';

const table = readFileSync(join(builtInScenarioDir, '..', 'docs', 'scenario-severities.md'), 'utf8');

/** The table's rows: scenario id → the severity it states (the first word of its column). */
const rows = new Map(
  [...table.matchAll(/^\| `([a-z0-9-]+)` \| (required|advisory)\b[^|]*\| (.+) \|$/gm)].map((m) => [
    m[1],
    { severity: m[2], restsOn: m[3] },
  ]),
);

describe('docs/scenario-severities.md', () => {
  test('lists every built-in scenario once, with its severity', async () => {
    const scenarios = await loadScenarios([builtInScenarioDir]);
    const listed = Object.fromEntries([...rows].map(([id, row]) => [id, row.severity]));
    expect(listed).toEqual(Object.fromEntries(scenarios.map((s) => [s.id, s.severity])));
  });

  test('follows the rule: required rests on NOX’s docs, advisory names a risk or a model', async () => {
    const scenarios = await loadScenarios([builtInScenarioDir]);
    // A rule's first words say which: a required one opens with what NOX documents, not an advisory's marker.
    const advisoryMark = /^(Risk|Modelled by nox-testkit)\b/;
    const misgraded = scenarios.filter((s) =>
      s.severity === 'required'
        ? !s.docs?.startsWith('https://docs.nox.energy/') || advisoryMark.test(s.rule)
        : !advisoryMark.test(s.rule) || !advisoryMark.test(rows.get(s.id)?.restsOn ?? ''),
    );
    expect(misgraded.map((s) => s.id)).toEqual([]);
  });
});
