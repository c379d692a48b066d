import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectInteractions } from './build-pact.ts';
import { greenRun } from './test-support/journal-fixture.ts';
import { writePact } from './write-pact.ts';

const RUNS = Number(process.env.NOX_PACT_REPEAT ?? 12);

describe('writing pacts', () => {
  test(`the same journal written ${RUNS} times in parallel always gives every interaction`, async () => {
    const interactions = collectInteractions(greenRun());
    const files = await Promise.all(
      Array.from({ length: RUNS }, (_, i) =>
        writePact(`Volt Energy ${i}`, interactions, mkdtempSync(join(tmpdir(), 'nox-pact-rep-'))),
      ),
    );
    for (const file of files) {
      const written = JSON.parse(readFileSync(file, 'utf8')).interactions;
      expect(written).toHaveLength(interactions.length);
    }
  }, 120_000);
});
