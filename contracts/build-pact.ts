import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry } from '../openapi/wire-types.ts';
import { interactionFromEntry, type RecordedInteraction } from './recorded-interaction.ts';
import { messageFromEntry, type RecordedMessage } from './recorded-message.ts';
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
  return collect(result, interactionFromEntry);
}

/** The webhook events NOX delivered to the supplier and it acknowledged in the passing scenarios, one per event type. */
export function collectMessages(result: RunTraffic): RecordedMessage[] {
  return collect(result, messageFromEntry);
}

/**
 * What the passing scenarios' journal entries become, one per description, sorted by it. Each is the
 * first recording of the scenario whose name sorts first, its scenarios listed in name order: a choice
 * that does not depend on the order scenarios ran in, so the shards of a run merge into the whole run's
 * pact (pact-merge.ts picks the same way).
 */
function collect<T extends { description: string; scenarios: string[] }>(
  result: RunTraffic,
  from: (entry: JournalEntry, supplier: string, scenario: string) => T | null,
): T[] {
  const byDescription = new Map<string, T>();
  const passed = result.scenarios.filter((s) => s.status === 'passed');
  for (const scenario of passed.sort((a, b) => compareNames(a.name, b.name))) {
    for (const entry of scenario.journal) {
      const item = from(entry, result.supplier, scenario.name);
      if (!item) continue;
      const seen = byDescription.get(item.description);
      if (!seen) byDescription.set(item.description, item);
      else if (!seen.scenarios.includes(scenario.name)) seen.scenarios.push(scenario.name);
    }
  }
  return [...byDescription.values()].sort((a, b) => compareNames(a.description, b.description));
}

/** The one order of scenario names and descriptions in a pact: by UTF-16 code units, the same in any locale. */
export const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Writes the run's pact, only from a green run; answers the file written, or why none was. */
export async function buildPact(
  result: RunTraffic,
  dir: string,
): Promise<{ file?: string; reason?: string }> {
  if (result.exit_code !== 0)
    return { reason: 'the run failed, and a pact is only written from a green run' };
  const interactions = collectInteractions(result);
  const messages = collectMessages(result);
  if (interactions.length + messages.length === 0)
    return { reason: 'the supplier made no calls to NOX and acknowledged no webhook' };
  mkdirSync(dir, { recursive: true });
  // Pact merges into an existing file; a contract must hold this run's calls only.
  rmSync(join(dir, `${result.supplier}-${PROVIDER}.json`), { force: true });
  return { file: await writePact(result.supplier, interactions, dir, messages) };
}
