import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { escapeHtml } from '../../common/html.ts';
import { createHtmlReporter } from './html-reporter.ts';
import type { RunResult, ScenarioResult, StepRecord } from './run-result.ts';
import { createRetriedRunFixture, writeRetriedRunScreenshots } from './test-support/retried-run-fixture.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';

let reportDir: string;
beforeEach(async () => {
  reportDir = await mkdtemp(join(tmpdir(), 'nox-html-'));
  await writeRetriedRunScreenshots(reportDir);
});
afterEach(() => rm(reportDir, { recursive: true, force: true }));

async function indexHtml(result: RunResult = createRetriedRunFixture()): Promise<string> {
  await createHtmlReporter().onRunEnd(result, reportDir);
  return readFile(join(reportDir, 'index.html'), 'utf8');
}

/** The markup of one scenario's section. */
function section(page: string, id: string): string {
  return (
    page.match(
      new RegExp(
        `<details class="scenario [^>]*id="scenario-${id}"[\\s\\S]*?</details>\\n?(?=<details class="scenario|<p id="no-match")`,
      ),
    )?.[0] ?? ''
  );
}

const withScenario = (changes: Partial<ScenarioResult>) => {
  const [first] = createRunResultFixture().scenarios;
  return createRunResultFixture({ scenarios: [{ ...(first as ScenarioResult), ...changes }] });
};

describe('HTML reporter', () => {
  test('links the screenshots as files beside the report, their names encoded, and embeds none', async () => {
    const page = await indexHtml();
    expect(page).toContain('<img class="shot" src="screenshots/link-completes-1.png"');
    expect(page).toContain('src="screenshots/token%20refresh%20%231.png"');
    expect(page).not.toContain('data:image');
    expect(page).not.toMatch(/<link |@import|url\(|src="https?:/);
  });

  test('stays small however big the screenshots are: a run of 31 scenarios with 1 MB of images is under 100 kB', async () => {
    await writeFile(join(reportDir, 'screenshots/big.jpg'), Buffer.alloc(40_000, 7));
    const [first] = createRunResultFixture().scenarios;
    const step = {
      name: 'see the page',
      status: 'passed' as const,
      duration_ms: 1,
      screenshot: 'screenshots/big.jpg',
    };
    const scenarios = Array.from({ length: 31 }, (_, i) => ({
      ...(first as ScenarioResult),
      id: `s-${i}`,
      steps: [step],
    }));
    await indexHtml(createRunResultFixture({ scenarios }));
    expect((await stat(join(reportDir, 'index.html'))).size).toBeLessThan(100_000);
  });

  test('says so where a screenshot file is missing, and still writes the report', async () => {
    expect(await indexHtml()).toContain('Screenshot not found: screenshots/cancel-shows-error-2.png');
  });

  test('links no file from outside the report folder', async () => {
    const step = {
      name: 'peek',
      status: 'passed' as const,
      duration_ms: 1,
      screenshot: '../../etc/hostname',
    };
    const page = await indexHtml(withScenario({ steps: [step] }));
    expect(page).toContain('Screenshot not found: ../../etc/hostname');
    expect(page).not.toContain('<img class="shot"');
  });

  test("escapes what it echoes: names, page text and the supplier's request and response bodies", async () => {
    const page = await indexHtml();
    expect(page).not.toContain('<script>alert');
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('&quot;&lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt;&quot;');
    expect(page).toContain('Boiler &amp; &lt;b&gt;pump&lt;/b&gt;');
    expect(page).toContain('<h1>Acme Energy &amp; Co</h1>');
    expect(page).toContain(
      'data-search="consumed-link-not-reused\ndoes not reuse a consumed link &lt;twice&gt; &amp; &quot;again&quot;',
    );
    expect(page).toContain('\\u001b[1mTry again');
    expect(page).not.toContain('\u001b');
  });

  test('gives each scenario one section with its name once in its heading, and a deep link to it', async () => {
    const result = createRetriedRunFixture();
    const page = await indexHtml(result);
    expect(page.match(/<h2 /g)).toHaveLength(result.scenarios.length);
    for (const { id, name } of result.scenarios) {
      expect(page.split(`<h2 class="scenario-name">${escapeHtml(name)}</h2>`)).toHaveLength(2);
      expect(section(page, id)).toContain(`<a class="deep-link" href="#${id}">link</a>`);
    }
  });

  test('opens the sections of failed scenarios and leaves the others closed', async () => {
    const sections = (await indexHtml()).match(/<details class="scenario [^>]*>/g) ?? [];
    const open = sections.filter((tag) => / open>$/.test(tag)).map((tag) => tag.match(/id="([^"]+)"/)?.[1]);
    expect(sections).toHaveLength(6);
    expect(open).toEqual([
      'scenario-cancel-shows-error',
      'scenario-consumed-link-not-reused',
      'scenario-callback-refused',
    ]);
  });

  test('heads the report with the supplier, date, duration, verdict and counts, flaky ones named', async () => {
    const page = await indexHtml();
    expect(page).toContain('2025-06-02 09:30 UTC</time> · 35.3 s · 6 scenarios');
    expect(page).toContain('FAILED: 2 required scenarios failed (1 advisory warning, 1 skipped)');
    expect(page).toContain('<b>2</b>passed <span class="muted">1 flaky</span>');
    expect(page).toContain('<b>3</b>failed <span class="muted">2 required, 1 advisory</span>');
  });

  test('counts each status and severity on its filter button, a pass on retry as flaky rather than passed', async () => {
    const page = await indexHtml();
    const counts = Object.fromEntries(
      [...page.matchAll(/data-value="(\w+)" aria-pressed="\w+">\w+ <span class="n">(\d+)<\/span>/g)].map(
        (m) => [m[1], Number(m[2])],
      ),
    );
    expect(counts).toEqual({ all: 6, failed: 3, flaky: 1, skipped: 1, passed: 1, required: 4, advisory: 2 });
    expect(section(page, 'token-refresh')).toMatch(/data-outcome="flaky"[\s\S]*<span class="chip flaky"/);
  });

  test('shows every attempt of a retried scenario in its own tab, the last one selected', async () => {
    const retried = section(await indexHtml(), 'callback-refused');
    const panels = retried.split('<div role="tabpanel"').slice(1);
    expect(retried.match(/role="tab" class="(\w+)"[^>]*aria-selected="(\w+)"/g)).toEqual([
      'role="tab" class="failed" id="tab-callback-refused-1" aria-controls="attempt-callback-refused-1" aria-selected="false"',
      'role="tab" class="failed" id="tab-callback-refused-2" aria-controls="attempt-callback-refused-2" aria-selected="true"',
    ]);
    expect(panels[0]).toMatch(/^[^>]* hidden>/);
    expect(panels[0]).toContain('Timed out after 30 s waiting for the failed page');
    expect(panels[0]).toContain('screenshots/callback-refused-01.png');
    expect(panels[0]).toContain('The supplier made no calls to NOX in this attempt.');
    expect(panels[1]).not.toMatch(/^[^>]* hidden>/);
    expect(panels[1]).toContain('screenshots/callback-refused-02.png');
    expect(panels[1]).toContain('<code class="path">/v1/devices?user_id=');
  });

  test("says so where a later attempt wrote its screenshot over an earlier attempt's file", async () => {
    const result = createRetriedRunFixture();
    const retried = result.scenarios.find((s) => s.id === 'callback-refused') as ScenarioResult;
    retried.steps = [
      { ...(retried.steps[0] as StepRecord), screenshot: 'screenshots/callback-refused-01.png' },
    ];
    const [first, last] = section(await indexHtml(result), 'callback-refused')
      .split('<div role="tabpanel"')
      .slice(1);
    expect(first).toContain('Screenshot overwritten by a later attempt: screenshots/callback-refused-01.png');
    expect(last).toContain('<img class="shot" src="screenshots/callback-refused-01.png"');
  });

  test('shows one attempt without tabs, even when an older result counts more attempts without their records', async () => {
    const page = await indexHtml(createRunResultFixture());
    expect(page).not.toContain('role="tab"');
    expect(section(page, 'consumed-link-not-reused')).toContain('Timed out after 30 s');
  });

  test("lets the search find a scenario by an earlier attempt's failure", async () => {
    expect(section(await indexHtml(), 'token-refresh')).toContain('socket hang up while reading the devices');
  });

  test('explains a failure with expected and actual, and links the docs of the rule', async () => {
    const cancel = section(await indexHtml(), 'cancel-shows-error');
    expect(cancel).toContain('<dt>Expected</dt><dd>the supplier&#39;s &quot;failed&quot; page</dd>');
    expect(cancel).toContain(
      '<a href="https://docs.nox.energy/linking#cancel" target="_blank" rel="noopener">',
    );
  });

  test('links docs only when they are a web address, and shows any other as text', async () => {
    const page = await indexHtml(withScenario({ docs: 'javascript:alert(1)' }));
    expect(page).toContain('<span class="docs">javascript:alert(1)</span>');
    expect(page).not.toContain('href="javascript');
  });
});
