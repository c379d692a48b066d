import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { failureDescriptions } from '../mock-nox/domain/link/failure-descriptions.ts';
import { usernamePatterns } from '../mock-nox/domain/link/manufacturer-accounts.ts';
import { defaultPolicies } from '../mock-nox/store/seed.ts';
import { runCli } from './test-support/run-cli.ts';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8').replace(/ +/g, ' ');

describe('the README stays in step with the code', () => {
  test('starts with the two commands: the demo run, and passing the tests', () => {
    const block = readme.split('```')[1] ?? '';
    const commands = block.split('\n').filter((l) => l.trim() && !l.startsWith('sh'));
    expect(commands.map((c) => c.split('#')[0]?.trim())).toEqual([
      'npm run demo',
      'npm run setup && npm run check',
    ]);
  });

  test('lists every fake-login username pattern with its outcome', () => {
    for (const { example, outcome } of usernamePatterns)
      expect(readme).toContain(`| \`${example}\` | ${outcome} |`);
  });

  test('lists every failure code and every policy', () => {
    for (const code of Object.keys(failureDescriptions.en)) expect(readme).toContain(`\`${code}\``);
    for (const policy of Object.keys(defaultPolicies)) expect(readme).toContain(policy);
  });
});

/** A regular expression for a sample line's form: numbers, durations and scenario names may differ. */
function lineForm(line: string): RegExp {
  const duration = String.raw`(?:\d+ min \d+ s|\d+(?:\.\d+)? m?s)`;
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const scenario = /^(\s*)\[\d+\/\d+\] (\S+) (\[\w+\] )?.+ \((.+)\)$/.exec(line);
  if (scenario) {
    const [, indent, mark, severity, end] = scenario;
    const tail = end === 'skipped' ? 'skipped' : duration;
    return new RegExp(
      `^${indent}\\[\\d+/\\d+\\] ${literal(mark ?? '')} ${literal(severity ?? '')}.+ \\(${tail}\\)$`,
    );
  }
  const parts = line.split(/(\d+ min \d+ s|\d+(?:\.\d+)? m?s\b|\d+(?:\.\d+)*)/);
  const form = parts.map((part, i) =>
    i % 2 === 0 ? literal(part) : /s$/.test(part) ? duration : String.raw`\d+(?:\.\d+)*`,
  );
  return new RegExp(`^${form.join('')}$`);
}

describe("the README's sample run", () => {
  const sample = /4\. Run it:[\s\S]*?```sh\n[\s\S]*?```\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  // The README is read with runs of spaces squeezed (above): this test reads it as written.
  const written = /4\. Run it:[\s\S]*?```sh\n[\s\S]*?```\n\n```\n([\s\S]*?)```/.exec(
    readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8'),
  )?.[1];

  test('names the catalogue as it is: its size and the run header', () => {
    // One scenario per file of scenarios/ (as loadScenarios reads them; their folders are not the catalogue).
    const size = readdirSync(join(import.meta.dirname, '..', 'scenarios')).filter(
      (f) => /\.(ts|js|mjs)$/.test(f) && !/\.(test|d)\.ts$/.test(f),
    ).length;
    expect(readme).toContain(`the whole built-in catalogue (${size} scenarios, both flows)`);
    expect(sample).toContain(`Running ${size} scenarios against Reference Energy`);
  });

  // A real run of three scenarios of the sample's kinds (a pass, the required failure and the skip) with
  // the flaw the sample was made with: each of the sample's lines has its counterpart, the frame in order.
  test('has the form of a real run: every line of it, in order, apart from which scenarios ran', async () => {
    expect(written, 'the README has the sample run after "4. Run it:"').toBeDefined();
    const cwd = mkdtempSync(join(tmpdir(), 'nox-readme-run-'));
    const grep = '^(v2-heat-pump-happy-path|forged-callback-for-another-customer-is-refused|v1-happy-path)$';
    const config = join(import.meta.dirname, '..', 'nox-testkit.config.ts');
    const args = [
      'run',
      '--config',
      config,
      '--grep',
      grep,
      '--report-dir',
      'reports',
      '--pact-dir',
      'pacts',
    ];
    const result = await runCli(args, { cwd, env: { SUPPLIER_FLAW: 'trust-callback-user', NO_COLOR: '1' } });
    expect(result.code, result.stderr).toBe(1);
    const real = result.stdout.split('\n');
    const lines = (written ?? '').split('\n').filter((line) => line.trim() !== '…');
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (/^\s*\[\d+\/\d+\] /.test(line)) {
        // A scenario and its explanation: together, wherever the run printed them.
        const block = [line];
        while (/^ {6}/.test(lines[i + 1] ?? '')) block.push(lines[++i] ?? '');
        const forms = block.map(lineForm);
        const found = real.findIndex((_, r) => forms.every((form, k) => form.test(real[r + k] ?? '')));
        expect(
          found,
          `the run printed no scenario like:\n${block.join('\n')}\n\nit printed:\n${result.stdout}`,
        ).toBeGreaterThan(-1);
        continue;
      }
      const form = lineForm(line);
      const found = real.findIndex((r, k) => k >= at && form.test(r));
      expect(
        found,
        `the run printed no line like "${line}" after line ${at}:\n${result.stdout}`,
      ).toBeGreaterThan(-1);
      at = found + 1;
    }
  }, 240_000);
});
