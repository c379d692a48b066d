import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry } from '../openapi/wire-types.ts';
import { interactionFromEntry, type RecordedInteraction } from './recorded-interaction.ts';
import { PROVIDER, writePact } from './write-pact.ts';

/** What a pact is built from: a run's verdict and each scenario's recorded calls (a harness RunResult fits). */
export interface RunTraffic {
  supplier: string;
  exit_code: number;
  scenarios: { name: string; status: string; journal: JournalEntry[] }[];
}

/**
 * The interactions of a run: every supplier → NOX call of the passing scenarios, one per description (the
 * shape of the call and its status), with the names of the scenarios that made it.
 */
export function collectInteractions(result: RunTraffic): RecordedInteraction[] {
  const byDescription = new Map<string, RecordedInteraction>();
  for (const scenario of result.scenarios.filter((s) => s.status === 'passed')) {
    for (const entry of scenario.journal) {
      const interaction = interactionFromEntry(entry, result.supplier, scenario.name);
      if (!interaction) continue;
      const seen = byDescription.get(interaction.description);
      if (!seen) byDescription.set(interaction.description, interaction);
      else if (!seen.scenarios.includes(scenario.name)) seen.scenarios.push(scenario.name);
    }
  }
  return [...byDescription.values()].sort((a, b) => a.description.localeCompare(b.description));
}

/** Writes the run's pact, only from a green run; answers the file written, or why none was. */
export async function buildPact(
  result: RunTraffic,
  dir: string,
): Promise<{ file?: string; reason?: string }> {
  if (result.exit_code !== 0)
    return { reason: 'the run failed, and a pact is only written from a green run' };
  const interactions = collectInteractions(result);
  if (interactions.length === 0) return { reason: 'the supplier made no calls to NOX' };
  mkdirSync(dir, { recursive: true });
  // Pact merges into an existing file; a contract must hold this run's calls only.
  rmSync(join(dir, `${result.supplier}-${PROVIDER}.json`), { force: true });
  return { file: await writePact(result.supplier, interactions, dir) };
}
