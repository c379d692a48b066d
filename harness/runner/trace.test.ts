import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { runWithMock } from '../../cli/run-with-mock.ts';
import type { NoxTestkitConfig, RunSettings } from '../config/define-config.ts';
import { createReporters } from '../report/reporters.ts';
import { loadScenarios } from './load-scenarios.ts';
import { playwrightCli } from './show-trace-command.ts';

const harnessEntry = join(import.meta.dirname, '..', 'index.ts');
const tinySupplier = join(import.meta.dirname, 'test-support', 'tiny-supplier.mjs');

const config: NoxTestkitConfig = {
  supplier: {
    name: 'Tiny Energy',
    start: { command: `node ${tinySupplier}` },
    readyPath: '/health',
    hooks: {
      startConnection: async ({ page, baseUrl }) => void (await page.goto(baseUrl)),
      readOutcome: async () => ({ status: 'connected' }),
    },
  },
};

const scenario = (body: string) => `import { defineScenario } from ${JSON.stringify(harnessEntry)};
export default defineScenario({ name: 'connects', rule: 'It connects.', tags: ['t'], severity: 'required',
  async run(t) { await t.supplier.startConnection(); ${body} } });`;

/** A run of one passing and one failing scenario, with the given --trace. */
async function runTraced(trace?: RunSettings['trace']) {
  const dir = mkdtempSync(join(tmpdir(), 'nox-trace-'));
  mkdirSync(join(dir, 'scenarios'));
  writeFileSync(join(dir, 'scenarios', 'passes.ts'), scenario(''));
  writeFileSync(join(dir, 'scenarios', 'fails.ts'), scenario("throw new Error('it broke');"));
  const reportDir = join(dir, 'reports');
  const result = await runWithMock({
    config,
    configDir: dir,
    settings: { workers: 2, retries: 0, reportDir, strict: false, timeoutMs: 10_000, tags: [], trace },
    scenarios: await loadScenarios([join(dir, 'scenarios')]),
    reporters: createReporters(['junit', 'json', 'html']),
  });
  const byId = (id: string) => result.scenarios.find((s) => s.id === id);
  return { dir, reportDir, result, byId };
}

const run = promisify(execFile);

test("a failed attempt leaves a trace Playwright's viewer loads, with the steps, linked from the report with the command that opens it", async () => {
  const { dir, reportDir, byId } = await runTraced();
  const failed = byId('fails');
  expect(failed?.trace).toBe('traces/fails-attempt1.zip');
  // The default is retain-on-failure: the passing attempt's trace was recorded, then dropped.
  expect(byId('passes')?.trace).toBeUndefined();
  expect(existsSync(join(reportDir, 'traces', 'passes-attempt1.zip'))).toBe(false);
  const zip = join(reportDir, 'traces', 'fails-attempt1.zip');
  expect(failed?.show_trace).toBe(`node ${playwrightCli} show-trace ${zip}`);
  // Playwright's own trace CLI (the viewer's loader) opens it and lists the report's step, the navigation in it.
  const options = { cwd: dir };
  await run(process.execPath, [playwrightCli, 'trace', 'open', zip], options);
  const { stdout } = await run(process.execPath, [playwrightCli, 'trace', 'actions'], options);
  // The step is a group of the trace, the startConnection hook's navigation inside it (indented).
  expect(stdout).toMatch(
    /\d+\. \S+ {2}Start connecting as customer cust-fails-\S+ .*\n +\d+\. \S+ {4}Navigate .*\n +127\.0\.0\.1:\d+\//,
  );
  const html = readFileSync(join(reportDir, 'index.html'), 'utf8');
  expect(html).toContain('<a href="traces/fails-attempt1.zip" download>traces/fails-attempt1.zip</a>');
  expect(html).toContain(`<pre class="command">node ${playwrightCli} show-trace ${zip}</pre>`);
  expect(readFileSync(join(reportDir, 'junit.xml'), 'utf8')).toContain(
    `Trace: node ${playwrightCli} show-trace`,
  );
});

test("--trace on keeps every attempt's trace, --trace off none", async () => {
  const on = await runTraced('on');
  expect(on.byId('passes')?.trace).toBe('traces/passes-attempt1.zip');
  expect(existsSync(join(on.reportDir, 'traces', 'passes-attempt1.zip'))).toBe(true);
  const off = await runTraced('off');
  expect(off.byId('fails')?.trace).toBeUndefined();
  expect(existsSync(join(off.reportDir, 'traces'))).toBe(false);
});
