import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtInScenarioDir, loadScenarios, selectScenarios } from '../harness/runner/load-scenarios.ts';
import { runAgainstReferenceSupplier } from '../test/test-support/run-reference-supplier.ts';
import { type ServeProcess, spawnServe } from '../test/test-support/spawn-serve.ts';
import { buildPact } from './build-pact.ts';
import { pactCli } from './test-support/pact-cli.ts';
import { runCli } from './test-support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nox-run-pact-'));
// biome-ignore lint/suspicious/noExplicitAny: a pact file is edited as plain JSON
let pact: { interactions: any[] };
let pactFile: string;
let tampered: string;
const mocks: ServeProcess[] = [];

/** A mock in its own process, as a provider's CI would run it. */
async function serve(args: string[] = []) {
  const mock = await spawnServe(['--port', '0', '--in-memory', ...args]);
  mocks.push(mock);
  return mock;
}

beforeAll(async () => {
  const all = await loadScenarios([builtInScenarioDir]);
  const scenarios = selectScenarios(all, { tags: ['happy-path', 'settings', 'security'] });
  const result = await runAgainstReferenceSupplier(scenarios, { reportDir: join(dir, 'reports') });
  // The failures themselves, so a scenario timing out on a loaded machine is told from a broken pact.
  expect(result.scenarios.filter((s) => s.status === 'failed').map((s) => [s.name, s.failure])).toEqual([]);
  expect(result.exit_code).toBe(0);
  const { file } = await buildPact(result, join(dir, 'pacts'));
  pactFile = file ?? '';
  pact = JSON.parse(readFileSync(pactFile, 'utf8'));
  const broken = structuredClone(pact);
  broken.interactions[0].response.status = 299;
  tampered = join(dir, 'tampered.json');
  writeFileSync(tampered, JSON.stringify(broken));
}, 120_000);
afterAll(() => {
  for (const mock of mocks) mock.child.kill('SIGKILL');
});

describe('the pact of a run against the reference supplier', () => {
  test('is written from the green run and every interaction verifies with nox-testkit verify', async () => {
    const http = pact.interactions.filter((i: { type: string }) => i.type === 'Synchronous/HTTP');
    const paths = new Set(http.map((i: { request: { path: string } }) => i.request.path));
    // Flow 1's and flow 2's calls (the happy paths of both are selected), and NOX's webhooks as messages.
    expect([...paths].sort()).toEqual([
      '/post-login-redirect',
      '/v1/devices',
      '/v1/devices/pv',
      '/v1/devices/settings',
      '/v2/supplier/link-sessions',
    ]);
    const messages = pact.interactions.filter((i: { type: string }) => i.type === 'Asynchronous/Messages');
    expect(messages.length).toBeGreaterThan(0);
    // Both verifiers side by side: each is a CLI start, a minute of its own on a loaded machine.
    const [verified, broken] = await Promise.all([
      runCli(['verify', '--pact', join(dir, 'pacts')]),
      runCli(['verify', '--pact', tampered]),
    ]);
    expect(verified.out).toContain('All interactions verified.');
    expect(verified.code).toBe(0);

    expect(broken.code).toBe(1);
    expect(broken.out).toContain('expected 299 but was');
  }, 180_000);

  test("pact-cli's verifier passes every interaction against a running mock with the state-change URL", async () => {
    const mock = await serve();
    const verified = await pactCli(pactFile, mock.url);
    expect(verified.code).toBe(0);
    const descriptions = pact.interactions.map((i: { description: string }) => i.description);
    expect(verified.results.map((r) => r.description).sort()).toEqual(descriptions.sort());
    expect(verified.results.map((r) => r.result)).toEqual(descriptions.map(() => 'OK'));

    const broken = await pactCli(tampered, mock.url);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('expected 299 but was');
    expect(broken.results.filter((r) => r.result !== 'OK').map((r) => r.description)).toEqual([
      pact.interactions[0].description,
    ]);
  }, 60_000);

  test('a mock started with --admin-token verifies with the token as a header, and refuses without it', async () => {
    const mock = await serve(['--admin-token', 's3cret']);
    const withHeader = await pactCli(pactFile, mock.url, ['-H', 'Authorization=Bearer s3cret']);
    expect(withHeader.code).toBe(0);
    expect(withHeader.results.every((r) => r.result === 'OK')).toBe(true);

    const args = ['verify', '--pact', join(dir, 'pacts'), '--base-url', mock.url];
    const withToken = await runCli(args, { NOX_TESTKIT_ADMIN_TOKEN: 's3cret' });
    expect(withToken.out).toContain('All interactions verified.');
    expect(withToken.code).toBe(0);

    const without = await runCli(args, { NOX_TESTKIT_ADMIN_TOKEN: '' });
    expect(without.code).toBe(1);
    expect(without.stderr.trimEnd().split('\n')).toEqual([
      `nox-testkit verify: GET ${mock.url}/__nox/health answered 403: The mock runs with --admin-token: every control API call must send "Authorization: Bearer <token>". A mock started with --admin-token needs NOX_TESTKIT_ADMIN_TOKEN set to that token.`,
    ]);
  }, 90_000);
});
