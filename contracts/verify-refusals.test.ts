import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './test-support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nox-verify-refusals-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
/** The shape of a pact and nothing more: enough to get past the file checks to the mock. */
const emptyPact = JSON.stringify({
  consumer: { name: 'Volt Energy' },
  provider: { name: 'nox-energy' },
  interactions: [],
  metadata: { pactSpecification: { version: '4.0' } },
});
/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const lines = (text: string) => text.trimEnd().split('\n');

describe('nox-testkit verify refuses what it cannot verify, in one line', () => {
  test('a JSON file that is not a pact: exit 2, naming what is missing', async () => {
    const path = file('settings.json', '{"mock": {"port": 4400}}');
    const r = await runCli(['verify', '--pact', path]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `nox-testkit verify: ${path} is JSON but not a pact: it has no consumer.name, provider.name, interactions; a pact is the JSON file "nox-testkit run" writes to pacts/.`,
    ]);
    expect(r.stdout).not.toContain('verified');
  });

  test('a file that is not JSON: exit 2, with the parser reason on the same line', async () => {
    const path = file('notes.json', 'hello\nworld\n');
    const r = await runCli(['verify', '--pact', path]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^nox-testkit verify: .*notes\.json is not a pact: it is not JSON \(.*"hello world.*\); a pact is the JSON file/,
    );
  });

  test('a pact with another provider: exit 2', async () => {
    const path = file('other.json', emptyPact.replace('nox-energy', 'billing-api'));
    const r = await runCli(['verify', '--pact', path]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `nox-testkit verify: ${path} is a pact with the provider "billing-api", not nox-energy: verify checks pacts with NOX.`,
    ]);
  });

  test('a missing file: exit 2, saying where pacts come from', async () => {
    const r = await runCli(['verify', '--pact', join(dir, 'no-such-pacts')]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `nox-testkit verify: No pact at ${join(dir, 'no-such-pacts')}. Run "nox-testkit run" first (it writes pacts/), or pass --pact FILE|DIR.`,
    ]);
  });

  test('--base-url of a mock that is down: exit 1 within seconds, one line, no stack trace', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = await runCli(['verify', '--pact', file('pact.json', emptyPact), '--base-url', url]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `nox-testkit verify: The mock NOX at ${url} does not answer (ECONNREFUSED). Start it with "nox-testkit serve", or leave out --base-url to verify against a mock started in-process.`,
    ]);
    expect(r.ms).toBeLessThan(20_000);
  });

  test('--base-url that is not a URL: exit 2', async () => {
    const r = await runCli(['verify', '--pact', file('pact.json', emptyPact), '--base-url', '4400']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `nox-testkit verify: --base-url must be the mock's http:// URL, e.g. http://127.0.0.1:4400 (got "4400").`,
    ]);
  });
});
