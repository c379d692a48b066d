import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const fixture = join(import.meta.dirname, 'fixtures', 'forbidden-imports');
const depcruise = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Runs the project's own import check (the one `npm run check` runs) on the fixture tree. */
async function checkFixture(): Promise<{ failed: boolean; violations: string[] }> {
  const args = [depcruise, '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'err'];
  const folders = [
    'cli',
    'common',
    'openapi',
    'mock-nox',
    'harness',
    'contracts',
    'scenarios',
    'examples',
    'bench',
  ];
  try {
    await promisify(execFile)(process.execPath, [...args, ...folders], { cwd: fixture });
    return { failed: false, violations: [] };
  } catch (error) {
    const out = (error as { stdout: string }).stdout;
    return { failed: true, violations: out.split('\n').filter((l) => l.trim().startsWith('error ')) };
  }
}

describe('the allowed imports of docs/architecture.md', () => {
  test('a forbidden import fails the check, named by its rule, one rule per line of its tables', async () => {
    const { failed, violations } = await checkFixture();
    expect(failed).toBe(true);
    const seen = violations.map((l) => l.trim().replace(/^error /, ''));
    expect(seen.sort()).toEqual(
      [
        'cli-uses-public-entries: cli/uses-harness-internals.ts → harness/runner/runner.ts',
        'common-imports-nothing-else: common/uses-openapi.ts → openapi/spec.ts',
        'contracts-use-openapi-common-and-the-mock-entry: contracts/uses-mock-internals.ts → mock-nox/store/schema.ts',
        'examples-are-a-supplier-app: examples/uses-the-harness.ts → harness/index.ts',
        'harness-reaches-the-mock-over-http: harness/uses-the-mock.ts → mock-nox/index.ts',
        'mock-domain-has-no-express-or-html: mock-nox/domain/uses-html.ts → common/html.ts',
        'mock-domain-has-no-express-or-html: mock-nox/domain/uses-express.ts → ../../../node_modules/express/index.js',
        'mock-nox-imports-only-openapi-and-common: mock-nox/uses-the-harness.ts → harness/index.ts',
        'mock-parts-never-import-the-app: mock-nox/auth/uses-the-app.ts → mock-nox/app.ts',
        'mock-surfaces-never-import-each-other: mock-nox/data/uses-auth.ts → mock-nox/auth/api-key.ts',
        'openapi-imports-nothing-else: openapi/uses-the-mock.ts → mock-nox/index.ts',
        'scenarios-use-the-harness-entry-only: scenarios/uses-harness-internals.ts → harness/runner/runner.ts',
        'mock-shared-rooms-never-import-surfaces: mock-nox/http/uses-a-surface.ts → mock-nox/auth/api-key.ts',
        'production-never-imports-test-helpers: harness/uses-test-support.ts → harness/test-support/allowed.ts',
        'bench-reaches-its-targets-through-commands-and-http: bench/uses-the-mock.ts → mock-nox/index.ts',
        'no-circular: common/cycle-a.ts →',
      ].sort(),
    );
  });

  test('public entries from cli/ and test support reaching into the mock are allowed', async () => {
    const { violations } = await checkFixture();
    expect(violations.filter((l) => /: (cli\/allowed-entry\.ts|\S*\/test-support\/)/.test(l))).toEqual([]);
  });
});
