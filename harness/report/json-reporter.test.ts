import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createJsonReporter } from './json-reporter.ts';
import { flakyScenario } from './test-support/retried-scenarios-fixture.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';

let reportDir: string;
beforeEach(async () => {
  reportDir = await mkdtemp(join(tmpdir(), 'nox-json-'));
});
afterEach(() => rm(reportDir, { recursive: true, force: true }));

describe('JSON reporter', () => {
  test('writes results.json that reads back as the same RunResult', async () => {
    const result = createRunResultFixture();
    await createJsonReporter().onRunEnd(result, reportDir);
    const text = await readFile(join(reportDir, 'results.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(result);
    expect(text).toMatch(/^\{\n {2}"supplier": "Acme Energy & Co",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('carries a flaky scenario with every earlier attempt, and the flaky count', async () => {
    const result = createRunResultFixture({ scenarios: [flakyScenario] });
    await createJsonReporter().onRunEnd(result, reportDir);
    const read = JSON.parse(await readFile(join(reportDir, 'results.json'), 'utf8'));
    expect(read.counts).toMatchObject({ passed: 1, flaky: 1 });
    expect(read.scenarios[0]).toMatchObject({ flaky: true, attempts: 2 });
    expect(read.scenarios[0].previous_attempts).toEqual(flakyScenario.previous_attempts);
  });
});
