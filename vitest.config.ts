import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    // Generous: CLI tests spawn processes, and a loaded 2-core CI machine is several times slower than an idle one.
    testTimeout: 45_000,
    hookTimeout: 60_000,
    // picocolors colours output whenever CI is set; tests that read a spawned CLI's output compare plain text
    // (the colour test sets its own env).
    env: { NO_COLOR: '1' },
    reporters: ['default', 'json'],
    outputFile: { json: '.nox-testkit/vitest-results.json' },
  },
});
