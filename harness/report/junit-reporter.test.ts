import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createJunitReporter } from './junit-reporter.ts';
import { checkWellFormedXml } from './testing/check-well-formed-xml.ts';
import { createRunResultFixture } from './testing/run-result-fixture.ts';

// The golden file is accepted with `npx vitest run harness/report -u` after reviewing the change.

let reportDir: string;
beforeEach(async () => {
  reportDir = await mkdtemp(join(tmpdir(), 'nox-junit-'));
});
afterEach(() => rm(reportDir, { recursive: true, force: true }));

async function junitXml(): Promise<string> {
  await createJunitReporter().onRunEnd(createRunResultFixture(), join(reportDir, 'nested'));
  return readFile(join(reportDir, 'nested/junit.xml'), 'utf8');
}

const countOf = (xml: string, pattern: RegExp) => xml.match(pattern)?.length ?? 0;

describe('JUnit reporter', () => {
  test('writes junit.xml as the golden file has it', async () => {
    await expect(await junitXml()).toMatchFileSnapshot('golden/junit.xml');
  });

  test('writes well-formed XML, even from names, bodies and page text full of markup and control characters', async () => {
    expect(checkWellFormedXml(await junitXml())).toEqual([]);
  });

  test('counts one testcase per scenario, with a failure or a skipped element where due', async () => {
    const xml = await junitXml();
    expect(xml).toContain(
      '<testsuite name="nox-testkit: Acme Energy &amp; Co" tests="4" failures="2" errors="0" skipped="1"',
    );
    expect(countOf(xml, /<testcase /g)).toBe(4);
    expect(countOf(xml, /<failure /g)).toBe(2);
    expect(countOf(xml, /<skipped /g)).toBe(1);
  });

  test('groups a scenario by severity and first tag, and an untagged one as "scenario"', async () => {
    const xml = await junitXml();
    expect(countOf(xml, /classname="required\.linking"/g)).toBe(2);
    expect(xml).toContain('classname="advisory.hardening"');
    expect(xml).toContain(
      '<testcase classname="required.scenario" name="shows the stored devices after linking"',
    );
  });

  test('explains a failure with what was expected, what happened and the rule', async () => {
    const xml = await junitXml();
    expect(xml).toContain(
      'type="EXPECTATION_FAILED">Expected: the supplier\'s "failed" page\nActual: the "connected"',
    );
    expect(xml).toContain('Docs: https://docs.nox.energy/linking#cancel</failure>');
    expect(xml).toContain(
      '<failure message="Timed out after 30 s waiting for the text &quot;\\u001b[1mTry again&quot;" type="TIMEOUT">',
    );
  });

  test('the well-formedness check itself catches what a parser would reject', () => {
    expect(checkWellFormedXml('<a><b></a>')).not.toEqual([]);
    expect(checkWellFormedXml('<a x="1 & 2"/>')).not.toEqual([]);
    expect(checkWellFormedXml('<a>\u001b</a>')).not.toEqual([]);
    expect(checkWellFormedXml('<a/><b/>')).not.toEqual([]);
    expect(checkWellFormedXml('<a x="&amp;">&lt;ok&#10;</a>')).toEqual([]);
  });
});
