import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compareNames } from './build-pact.ts';
import { PactFileError } from './pact-files.ts';
import { PROVIDER } from './write-pact.ts';

/** The parts of a V4 pact file the merge reads; everything else of an interaction is kept as written. */
interface PactJson {
  consumer: { name: string };
  provider: { name: string };
  interactions: Interaction[];
  metadata?: unknown;
}
interface Interaction {
  type?: string;
  description: string;
  comments?: { text?: string[] } & Record<string, unknown>;
}

const SEEN = 'seen in scenario: ';
const scenariosOf = (i: Interaction) =>
  (i.comments?.text ?? []).filter((t) => t.startsWith(SEEN)).sort(compareNames);

/**
 * The pact a whole run would write, from the pacts of its shards (`run --shard i/n --pact-dir …`): one
 * interaction per description, the one recorded in the scenario whose name sorts first, named in every
 * scenario of every shard that saw it, as build-pact.ts picks in a whole run. The files must be pacts
 * of one consumer with NOX (checked by pactFiles before).
 */
export function mergePacts(files: string[]): PactJson {
  const pacts = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as PactJson);
  const consumers = [...new Set(pacts.map((p) => p.consumer.name))];
  if (consumers.length > 1)
    throw new PactFileError(
      `The pacts are of ${consumers.length} consumers (${consumers.map((c) => `"${c}"`).join(', ')}): merge the shards of one supplier's run, one merge per supplier.`,
    );
  const chosen = new Map<string, { interaction: Interaction; scenarios: Set<string> }>();
  for (const interaction of pacts.flatMap((p) => p.interactions)) {
    const key = `${interaction.type}\n${interaction.description}`;
    const seen = chosen.get(key);
    const scenarios = scenariosOf(interaction);
    if (!seen) {
      chosen.set(key, { interaction, scenarios: new Set(scenarios) });
      continue;
    }
    for (const s of scenarios) seen.scenarios.add(s);
    if (compareNames(scenarios[0] ?? '', scenariosOf(seen.interaction)[0] ?? '') < 0)
      seen.interaction = interaction;
  }
  // HTTP interactions first, then messages, each by description: the order a run declares them in.
  const kind = (i: Interaction) => (i.type === 'Asynchronous/Messages' ? 1 : 0);
  const interactions = [...chosen.values()]
    .map(({ interaction, scenarios }) => ({
      ...interaction,
      comments: { ...interaction.comments, text: [...scenarios].sort(compareNames) },
    }))
    .sort((a, b) => kind(a) - kind(b) || compareNames(a.description, b.description));
  const [first] = pacts;
  if (!first) throw new PactFileError('No pact files to merge.');
  return { consumer: first.consumer, interactions, metadata: first.metadata, provider: first.provider };
}

/** Writes the merged pact to `out`, by default `pacts/<consumer>-nox-energy.json` as a whole run names it. */
export function writeMergedPact(files: string[], out?: string): string {
  const pact = mergePacts(files);
  const file = out ?? join('pacts', `${pact.consumer.name}-${PROVIDER}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(pact, null, 2)}`);
  return file;
}
