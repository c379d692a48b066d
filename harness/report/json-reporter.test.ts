import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createJsonReporter } from './json-reporter.ts';
import { createRunResultFixture } from './testing/run-result-fixture.ts';

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
});
