import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { launchBrowser } from '../browser/launch-browser.ts';
import { createJunitReporter } from './junit-reporter.ts';
import type { RunResult } from './run-result.ts';
import {
  failedTwiceScenario,
  flakyScenario,
  notRunScenario,
} from './test-support/retried-scenarios-fixture.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';

// The golden file is accepted with `npx vitest run harness/report -u` after reviewing the change.

interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

let browser: Browser;
let page: Page;
let reportDir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  reportDir = await mkdtemp(join(tmpdir(), 'nox-junit-'));
});
afterEach(() => rm(reportDir, { recursive: true, force: true }));

async function junitXml(result: RunResult = createRunResultFixture()): Promise<string> {
  await createJunitReporter().onRunEnd(result, join(reportDir, 'nested'));
  return readFile(join(reportDir, 'nested/junit.xml'), 'utf8');
}

/** The document as Chromium's XML parser reads it: a strict, real parser that rejects malformed XML. */
async function parse(xml: string): Promise<XmlNode> {
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    if (error) return { error: error.textContent ?? 'parse error' };
    const toNode = (el: Element): XmlNode => ({
      tag: el.tagName,
      attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      text: [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('')
        .trim(),
      children: [...el.children].map(toNode),
    });
    return { root: toNode(doc.documentElement) };
  }, xml);
  if ('error' in parsed) throw new Error(`not well-formed XML: ${parsed.error}`);
  return parsed.root;
}

const all = (node: XmlNode, tag: string): XmlNode[] => [
  ...node.children.filter((c) => c.tag === tag),
  ...node.children.flatMap((c) => all(c, tag)),
];
const child = (node: XmlNode | undefined, tag: string) => node?.children.find((c) => c.tag === tag);
const testcase = (root: XmlNode, name: string) => all(root, 'testcase').find((t) => t.attrs.name === name);
const property = (node: XmlNode | undefined, name: string) =>
  all(node as XmlNode, 'property').find((p) => p.attrs.name === name)?.attrs.value;

function everyKind(overrides: Partial<RunResult> = {}): RunResult {
  const base = createRunResultFixture().scenarios;
  return createRunResultFixture({
    scenarios: [...base, flakyScenario, failedTwiceScenario, notRunScenario],
    ...overrides,
  });
}

describe('JUnit reporter', () => {
  test('writes junit.xml as the golden file has it', async () => {
    await expect(await junitXml(everyKind({ shard: { index: 2, count: 3 } }))).toMatchFileSnapshot(
      'golden/junit.xml',
    );
  });

  test('a real XML parser reads back every name, message and page text as it was, markup, entities and line breaks included', async () => {
    const fixture = everyKind();
    const multiLine = { ...flakyScenario, name: 'two\nlines & <tags>' };
    const root = await parse(await junitXml({ ...fixture, scenarios: [...fixture.scenarios, multiLine] }));
    expect(child(root, 'testsuite')?.attrs.name).toBe('nox-testkit: Acme Energy & Co');
    expect(testcase(root, 'does not reuse a consumed link <twice> & "again"')).toBeDefined();
    expect(testcase(root, 'two\nlines & <tags>')).toBeDefined();
    const cancel = testcase(root, 'shows an error when the user cancels at the manufacturer');
    expect(child(cancel, 'failure')?.text).toContain('"Your heat pump <Vaillant & co> is connected"');
    const flaky = child(testcase(root, flakyScenario.name), 'flakyFailure');
    expect(flaky?.attrs.message).toBe(
      'attempt 1: The scenario did not finish within 30 s & "&nbsp;" stayed on the page',
    );
    const timeout = child(testcase(root, 'does not reuse a consumed link <twice> & "again"'), 'failure');
    expect(timeout?.attrs.message).toBe('Timed out after 30 s waiting for the text "\\u001b[1mTry again"');
  });

  test('names every scenario, with the counts of the suite, the shard in its name and properties', async () => {
    const root = await parse(await junitXml(everyKind({ shard: { index: 2, count: 3 } })));
    const suite = child(root, 'testsuite');
    expect(suite?.attrs).toMatchObject({
      name: 'nox-testkit: Acme Energy & Co (shard 2/3)',
      tests: '7',
      failures: '3',
      errors: '0',
      skipped: '2',
    });
    expect(property(child(suite, 'properties'), 'shard')).toBe('2/3');
    expect(property(child(suite, 'properties'), 'flaky')).toBe('1');
    expect(all(root, 'testcase')).toHaveLength(7);
    expect(all(root, 'failure')).toHaveLength(3);
  });

  test('a scenario not run, skipped for a missing hook or left when the run stopped, is skipped with its reason', async () => {
    const root = await parse(await junitXml(everyKind({ interrupted: true })));
    const stopped = child(testcase(root, notRunScenario.name), 'skipped');
    expect(stopped?.attrs.message).toBe('not run: the run was stopped before this scenario started');
    expect(stopped?.text).toBe('not run: the run was stopped before this scenario started');
    const hook = child(testcase(root, 'shows the stored devices after linking'), 'skipped');
    expect(hook?.attrs.message).toContain('the adapter has no readBack hook');
    expect(property(child(root, 'testsuite'), 'interrupted')).toBe('true');
  });

  test("a flaky scenario passes, with each earlier attempt's failure and evidence as Surefire's flakyFailure", async () => {
    const root = await parse(await junitXml(everyKind()));
    const flaky = testcase(root, flakyScenario.name) as XmlNode;
    expect(child(flaky, 'failure')).toBeUndefined();
    expect(child(flaky, 'skipped')).toBeUndefined();
    expect(property(flaky, 'flaky')).toBe('true');
    const earlier = child(flaky, 'flakyFailure');
    expect(earlier?.attrs.type).toBe('TIMEOUT');
    expect(child(earlier, 'stackTrace')?.text).toContain('Rule: After the callback');
    expect(child(earlier, 'system-out')?.text).toContain(
      'FAIL see the connected page (8000 ms) [screenshots/callback-fetches-devices-attempt1-01.jpg]',
    );
  });

  test('a scenario that failed every attempt has its last failure first, then each earlier one as rerunFailure', async () => {
    const root = await parse(await junitXml(everyKind()));
    const failed = testcase(root, failedTwiceScenario.name) as XmlNode;
    expect(failed.children.map((c) => c.tag)).toEqual([
      'properties',
      'failure',
      'rerunFailure',
      'system-out',
    ]);
    expect(child(failed, 'failure')?.attrs.message).toBe('second attempt broke');
    expect(child(failed, 'rerunFailure')?.attrs.message).toBe('attempt 1: first attempt broke');
  });

  test('groups a scenario by severity and first tag, and an untagged one as "scenario"', async () => {
    const root = await parse(await junitXml());
    const classes = all(root, 'testcase').map((t) => t.attrs.classname);
    expect(classes).toEqual([
      'required.linking',
      'required.linking',
      'advisory.hardening',
      'required.scenario',
    ]);
  });

  test('explains a failure with what was expected, what happened and the rule', async () => {
    const root = await parse(await junitXml());
    const failure = child(
      testcase(root, 'shows an error when the user cancels at the manufacturer'),
      'failure',
    );
    expect(failure?.attrs.type).toBe('EXPECTATION_FAILED');
    expect(failure?.text).toMatch(/^Expected: the supplier's "failed" page\nActual: the "connected"/);
    expect(failure?.text).toMatch(/\nDocs: https:\/\/docs.nox.energy\/linking#cancel$/);
  });

  test('the parser used here does reject malformed XML', async () => {
    await expect(parse('<a><b></a>')).rejects.toThrow('not well-formed');
    await expect(parse('<a>&nbsp;</a>')).rejects.toThrow('not well-formed');
  });
});
