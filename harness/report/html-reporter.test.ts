import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { escapeHtml } from '../../common/html.ts';
import { createHtmlReporter } from './html-reporter.ts';
import type { RunResult } from './run-result.ts';
import { createRunResultFixture, tinyPng, writeFixtureScreenshots } from './testing/run-result-fixture.ts';

let reportDir: string;
beforeEach(async () => {
  reportDir = await mkdtemp(join(tmpdir(), 'nox-html-'));
  await writeFixtureScreenshots(reportDir);
});
afterEach(() => rm(reportDir, { recursive: true, force: true }));

async function indexHtml(result: RunResult = createRunResultFixture()): Promise<string> {
  await createHtmlReporter().onRunEnd(result, reportDir);
  return readFile(join(reportDir, 'index.html'), 'utf8');
}

describe('HTML reporter', () => {
  test('embeds the screenshots as base64, so index.html is one self-contained file', async () => {
    const page = await indexHtml();
    expect(page).toContain(`src="data:image/png;base64,${tinyPng.toString('base64')}"`);
    expect(page.match(/ src="(?!data:)/g)).toBeNull();
    expect(page).not.toMatch(/<link |@import|url\(/);
  });

  test('says so where a screenshot file is missing, and still writes the report', async () => {
    expect(await indexHtml()).toContain('Screenshot not found: screenshots/cancel-shows-error-2.png');
  });

  test("escapes what it echoes: names, page text and the supplier's request and response bodies", async () => {
    const page = await indexHtml();
    expect(page).not.toContain('<script>alert');
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('&quot;&lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt;&quot;');
    expect(page).toContain('Boiler &amp; &lt;b&gt;pump&lt;/b&gt;');
    expect(page).toContain('<h1>Acme Energy &amp; Co</h1>');
    expect(page).toContain('\\u001b[1mTry again');
    expect(page).not.toContain('\u001b');
  });

  test('gives each scenario one section, with its name once in its heading', async () => {
    const result = createRunResultFixture();
    const page = await indexHtml(result);
    expect(page.match(/<h2 /g)).toHaveLength(result.scenarios.length);
    for (const { name } of result.scenarios) {
      expect(page.split(`<h2 class="scenario-name">${escapeHtml(name)}</h2>`)).toHaveLength(2);
    }
  });

  test('opens the sections of failed scenarios and leaves the others closed', async () => {
    const sections = (await indexHtml()).match(/<details class="scenario [^>]*>/g) ?? [];
    const open = sections.filter((tag) => / open>$/.test(tag)).map((tag) => tag.match(/id="([^"]+)"/)?.[1]);
    expect(sections).toHaveLength(4);
    expect(open).toEqual(['scenario-cancel-shows-error', 'scenario-consumed-link-not-reused']);
  });

  test('heads the report with the supplier, date, duration, verdict and counts', async () => {
    const page = await indexHtml();
    expect(page).toContain('2025-06-02 09:30 UTC</time> · 35.3 s · 4 scenarios');
    expect(page).toContain('FAILED: 1 required scenario failed (1 advisory warning, 1 skipped)');
    expect(page).toContain('<b>2</b>failed <span class="muted">1 required, 1 advisory</span>');
  });

  test('explains a failure with expected, actual and the rule, linking the docs', async () => {
    const page = await indexHtml();
    expect(page).toContain('<dt>Expected</dt><dd>the supplier&#39;s &quot;failed&quot; page</dd>');
    expect(page).toContain(
      '<a href="https://docs.nox.energy/linking#cancel" target="_blank" rel="noopener">',
    );
  });

  test('links docs only when they are a web address', async () => {
    const [first] = createRunResultFixture().scenarios;
    const scenarios = [{ ...(first as RunResult['scenarios'][number]), docs: 'javascript:alert(1)' }];
    const page = await indexHtml(createRunResultFixture({ scenarios }));
    expect(page).toContain('<a href="#" target="_blank" rel="noopener">javascript:alert(1)</a>');
  });

  test('embeds no file from outside the report folder', async () => {
    const [first] = createRunResultFixture().scenarios;
    const step = {
      name: 'peek',
      status: 'passed' as const,
      duration_ms: 1,
      screenshot: '../../etc/hostname',
    };
    const scenarios = [{ ...(first as RunResult['scenarios'][number]), steps: [step] }];
    const page = await indexHtml(createRunResultFixture({ scenarios }));
    expect(page).toContain('Screenshot not found: ../../etc/hostname');
    expect(page).not.toContain('data:image/png;base64');
  });
});
