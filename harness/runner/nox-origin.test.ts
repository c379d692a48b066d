import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runWithMock } from '../../cli/run-with-mock.ts';
import { loadScenarios } from './load-scenarios.ts';

const tinySupplier = join(import.meta.dirname, 'test-support', 'tiny-supplier.mjs');
const harnessEntry = join(import.meta.dirname, '..', 'index.ts');

// In production the app knows NOX as auth.nox.energy, and NOX's redirect_uri (and the redirect_url it answers,
// made from the same origin) are on that host too. The app is given NOX on localhost (another site than its own 127.0.0.1): flow 2's browser must
// reach NOX there as well, or an app that checks redirect_uri against NOX_AUTH_URL refuses NOX's own.
test("flow 2's redirect_uri is on the origin the app was given as NOX_AUTH_URL", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nox-origin-'));
  mkdirSync(join(dir, 'scenarios'));
  writeFileSync(
    join(dir, 'scenarios', 'origin.ts'),
    `import { defineScenario } from ${JSON.stringify(harnessEntry)};
export default defineScenario({ name: 'n', rule: 'r', severity: 'required', tags: [], flow: 'manufacturer-app',
  needs: ['oauthLoginPath'],
  async run(t) {
    const seen = await t.webApp.startConnection();
    const redirectUri = new URL(new URL(seen.oauthUrl).searchParams.get('redirect_uri') ?? '');
    const res = await fetch(new URL('/nox-auth-url', seen.oauthUrl));
    const authUrl = new URL(await res.text());
    t.expect.that(redirectUri.origin === authUrl.origin, 'redirect_uri on ' + authUrl.origin, 'it is ' + redirectUri);
  } });`,
  );
  const result = await runWithMock({
    config: {
      supplier: {
        name: 'Origin Energy',
        start: { command: `node ${tinySupplier}`, readyTimeoutMs: 5000 },
        readyPath: '/health',
        oauthLoginPath: '/oauth',
        hooks: { startConnection: async () => undefined, readOutcome: async () => null },
      },
    },
    configDir: dir,
    settings: {
      workers: 1,
      retries: 0,
      reportDir: join(dir, 'reports'),
      strict: false,
      timeoutMs: 20_000,
      tags: [],
    },
    scenarios: await loadScenarios([join(dir, 'scenarios')]),
    reporters: [],
  });
  expect(result.scenarios[0]?.failure).toBeUndefined();
  expect(result.scenarios[0]?.status).toBe('passed');
});
