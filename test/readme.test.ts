import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { failureDescriptions } from '../mock-nox/domain/link/failure-descriptions.ts';
import { usernamePatterns } from '../mock-nox/domain/link/manufacturer-accounts.ts';
import { defaultPolicies } from '../mock-nox/store/seed.ts';

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
