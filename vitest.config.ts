import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    // vitest's default is one worker fewer than the cores: one worker on a 2-core machine, the files one
    // after another. Three keep both cores busy while the tests wait on browsers and spawned processes.
    maxWorkers: 3,
    // A worker imports the harness, the mock and playwright-core once for all its files rather than once per
    // file: that import was half the suite's CPU. No test file mocks modules or leaves globals changed.
    isolate: false,
    // Guards against a hang, never a wait: the tests wait on events (an exit, a page, an answer). A CLI start
    // (tsx, the harness, a config) took over 45 s beside 4 busy processes on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // picocolors colours output whenever CI is set; tests that read a spawned CLI's output compare plain text
    // (the colour test sets its own env).
    env: { NO_COLOR: '1' },
    reporters: ['default', 'json'],
    outputFile: { json: '.nox-testkit/vitest-results.json' },
  },
});
