import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { mergePacts } from './merge-pacts.ts';
import { runCli } from './test-support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nox-merge-'));

/** A pact file of `consumer` with interactions given as [type, description, scenarios, a marker]. */
function pactFile(name: string, consumer: string, interactions: [string, string, string[], string][]) {
  const file = join(dir, `${name}.json`);
  const pact = {
    consumer: { name: consumer },
    interactions: interactions.map(([type, description, scenarios, marker]) => ({
      comments: { text: scenarios.map((s) => `seen in scenario: ${s}`) },
      description,
      marker,
      type,
    })),
    metadata: { pactSpecification: { version: '4.0' } },
    provider: { name: 'nox-energy' },
  };
  writeFileSync(file, JSON.stringify(pact, null, 2));
  return file;
}

const http = 'Synchronous/HTTP';
const message = 'Asynchronous/Messages';

describe('merging the pacts of shards', () => {
  test('keeps one interaction per description, from the scenario whose name sorts first, named in all', () => {
    const one = pactFile('one', 'Volt', [
      [http, 'GET /v1/devices answers 200', ['b scenario', 'd scenario'], 'from b'],
      [message, 'a webhook event x', ['c scenario'], 'message'],
    ]);
    const two = pactFile('two', 'Volt', [
      [http, 'GET /v1/devices answers 200', ['a scenario'], 'from a'],
      [http, 'POST /v2/supplier/link-sessions answers 201', ['c scenario'], 'post'],
    ]);
    const merged = mergePacts([one, two]);
    expect(
      merged.interactions.map((i) => [i.description, i.comments?.text, (i as { marker?: string }).marker]),
    ).toEqual([
      [
        'GET /v1/devices answers 200',
        ['seen in scenario: a scenario', 'seen in scenario: b scenario', 'seen in scenario: d scenario'],
        'from a',
      ],
      ['POST /v2/supplier/link-sessions answers 201', ['seen in scenario: c scenario'], 'post'],
      // Messages after the HTTP interactions, as a run declares them.
      ['a webhook event x', ['seen in scenario: c scenario'], 'message'],
    ]);
    expect(mergePacts([two, one])).toEqual(merged);
  });

  test('the command writes the merge, and refuses pacts of two suppliers or a file that is no pact (exit 2)', async () => {
    const one = pactFile('volt-1', 'Volt', [[http, 'GET /v1/devices answers 200', ['a'], 'x']]);
    const two = pactFile('volt-2', 'Volt', [[http, 'GET /v1/devices answers 200', ['b'], 'y']]);
    const out = join(dir, 'out', 'merged.json');
    const merged = await runCli(['merge-pacts', one, two, '--out', out]);
    expect([merged.code, merged.stdout]).toEqual([0, `Merged 2 pact file(s) into ${out}\n`]);
    expect(JSON.parse(readFileSync(out, 'utf8')).interactions[0].comments.text).toHaveLength(2);

    const other = pactFile('other', 'Watt', [[http, 'GET /v1/devices answers 200', ['a'], 'x']]);
    const mixed = await runCli(['merge-pacts', one, other]);
    expect([mixed.code, mixed.stderr]).toEqual([
      2,
      `nox-testkit merge-pacts: The pacts are of 2 consumers ("Volt", "Watt"): merge the shards of one supplier's run, one merge per supplier.\n`,
    ]);
    const notPact = join(dir, 'not-a-pact.json');
    writeFileSync(notPact, '{"hello": 1}');
    const refused = await runCli(['merge-pacts', notPact]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is JSON but not a pact');
  }, 60_000);
});
