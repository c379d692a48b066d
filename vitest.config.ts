import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    // Generous: CLI tests spawn processes, and a loaded 2-core CI machine is several times slower than an idle one.
    testTimeout: 45_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.nox-testkit/vitest-results.json' },
  },
});
