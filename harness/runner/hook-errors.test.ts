import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runWithMock } from '../../cli/run-with-mock.ts';
import { loadConfig } from '../config/define-config.ts';
import { createReporters } from '../report/reporters.ts';
import { loadScenarios } from './load-scenarios.ts';

const harnessEntry = join(import.meta.dirname, '..', 'index.ts');
const tinySupplier = join(import.meta.dirname, 'test-support', 'tiny-supplier.mjs');

// A supplier's own config file, loaded as the CLI loads it (jiti): the hook's line is known here.
const configSource = `import { defineConfig } from ${JSON.stringify(harnessEntry)};
export default defineConfig({
  supplier: {
    name: 'Hooked Energy',
    start: { command: ${JSON.stringify(`node ${tinySupplier}`)} },
    readyPath: '/health',
    hooks: {
      async startConnection({ page, baseUrl, user }) {
        await page.goto(baseUrl);
        if (user.includes('throws')) throw new Error('boom: my hook broke');
      },
      async readOutcome() {
        await new Promise(() => undefined);
        return null;
      },
    },
  },
});
`;
const throwLine = 10;
const readOutcomeLine = 12;

const scenario = (body: string) => `import { defineScenario } from ${JSON.stringify(harnessEntry)};
export default defineScenario({ name: 'uses the hooks', rule: 'Hooks work.', tags: ['t'], severity: 'required',
  async run(t) { ${body} } });`;

test("a hook that throws or never returns is reported with its name, the config file's line, a code frame and the page", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nox-hooks-'));
  const configFile = join(dir, 'nox-testkit.config.ts');
  writeFileSync(configFile, configSource);
  mkdirSync(join(dir, 'scenarios'));
  writeFileSync(
    join(dir, 'scenarios', 'throws.ts'),
    scenario(`t.actAs(t.username('throws')); await t.supplier.startConnection();`),
  );
  writeFileSync(
    join(dir, 'scenarios', 'hangs.ts'),
    scenario('await t.supplier.startConnection(); await t.supplier.outcome();'),
  );
  const { config, file } = await loadConfig(configFile);
  const printed: string[] = [];
  const result = await runWithMock({
    config,
    configDir: dir,
    configFile: file,
    settings: {
      workers: 2,
      retries: 0,
      reportDir: join(dir, 'reports'),
      strict: false,
      timeoutMs: 4000,
      tags: [],
    },
    scenarios: await loadScenarios([join(dir, 'scenarios')]),
    reporters: createReporters(['list', 'junit', 'json', 'html'], {
      write: (text) => void printed.push(text),
      color: false,
    }),
  });
  const thrown = result.scenarios.find((s) => s.id === 'throws')?.failure;
  const where = `${configFile}:${throwLine}:`;
  expect(thrown).toMatchObject({
    code: 'HOOK_ERROR',
    hook: 'startConnection',
    location: expect.stringContaining(where),
    page_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
  });
  expect(thrown?.message).toMatch(
    new RegExp(
      `^The startConnection hook threw at .*:${throwLine}:\\d+: boom: my hook broke \\(the browser was on http://127`,
    ),
  );
  expect(thrown?.code_frame).toContain(`> ${throwLine} |         if (user.includes('throws')) throw`);
  const hung = result.scenarios.find((s) => s.id === 'hangs')?.failure;
  expect(hung).toMatchObject({
    code: 'TIMEOUT',
    hook: 'readOutcome',
    location: expect.stringContaining(`${configFile}:${readOutcomeLine}:`),
    message: expect.stringContaining('the readOutcome hook (defined at'),
  });
  // Every report says it: the console, JUnit, results.json and the HTML report.
  const console = printed.join('');
  const reports = join(dir, 'reports');
  const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
  const html = readFileSync(join(reports, 'index.html'), 'utf8');
  const json = readFileSync(join(reports, 'results.json'), 'utf8');
  for (const text of [console, junit, html, json]) {
    expect(text).toContain('The startConnection hook threw at');
    expect(text).toContain(where);
    expect(text).toContain('the readOutcome hook (defined at');
  }
  expect(console).toContain(`> ${throwLine} |`);
  expect(junit).toContain(`&gt; ${throwLine} |`);
  expect(html).toMatch(/<dt>Hook<\/dt><dd><code class="code">startConnection<\/code> at/);
  expect(html).toContain('class="code-frame"');
});
