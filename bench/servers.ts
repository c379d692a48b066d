// How the bench starts each thing it measures, all through public commands: the two baselines, Prism on
// our spec, and `nox-testkit serve` (from the sources through tsx, or the built bin).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { freePort, root, type Spawned, spawnNode, waitUntilReady } from './processes.ts';

export const SUPPLIER_KEY = 'api_key_123';
export const LINK_SESSION_PATH = '/v2/supplier/link-sessions';
export const LINK_SESSION_BODY = JSON.stringify({
  user_id: 'bench_user',
  redirect_url: 'https://your-app.com/callback',
  asset_type: 'hp',
});

export type ServerKind = 'bare-http' | 'express-fixed' | 'prism' | 'mock-memory' | 'mock-file';

/** `--db <file>` for the file store; `entry: 'dist'` runs bin/nox-testkit.js (needs `npm run build`). */
export interface StartOptions {
  db?: string;
  entry?: 'tsx' | 'dist';
}

/** Answers true once a link session can be created (any 2xx), the probe every kind answers. */
export async function createsLinkSession(url: string): Promise<boolean> {
  const res = await fetch(`${url}${LINK_SESSION_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': SUPPLIER_KEY },
    body: LINK_SESSION_BODY,
  });
  await res.arrayBuffer();
  return res.ok;
}

/** The command line that starts a kind of server on a port. */
export function commandLine(kind: ServerKind, port: number, options: StartOptions = {}): string[] {
  const tsx = ['--import', 'tsx'];
  const serve = options.entry === 'dist' ? ['bin/nox-testkit.js'] : [...tsx, 'cli/nox-testkit.ts'];
  switch (kind) {
    case 'bare-http':
      return [...tsx, 'bench/targets/bare-http.ts', String(port)];
    case 'express-fixed':
      return [...tsx, 'bench/targets/express-fixed.ts', String(port)];
    case 'prism':
      return [
        join(root, 'node_modules/@stoplight/prism-cli/dist/index.js'),
        'mock',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        prismSpec(),
      ];
    case 'mock-memory':
      return [...serve, 'serve', '--port', String(port), '--in-memory'];
    case 'mock-file':
      if (!options.db) throw new Error('mock-file needs a db file');
      return [...serve, 'serve', '--port', String(port), '--db', options.db];
  }
}

/** Starts a server and waits until it creates a link session. */
export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<Spawned> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // npm_command would make the bin watch for npm's shell; the bench is the parent here.
  const server = spawnNode(commandLine(kind, port, options), { npm_command: '' });
  await waitUntilReady(server, () => createsLinkSession(url));
  return { ...server, url };
}

/**
 * The auth spec as Prism routes it: NOX's v2 paths sit under their own server (`…/v2`), which Prism only
 * matches by host, so the copy it gets has those paths written out in full (`/v2/supplier/link-sessions`),
 * as the mock serves them.
 */
function prismSpec(): string {
  const spec = parse(readFileSync(join(root, 'openapi/nox-auth.yaml'), 'utf8'));
  const paths: Record<string, { servers?: { url: string }[] }> = {};
  for (const [path, item] of Object.entries(spec.paths as typeof paths)) {
    const base = item.servers
      ? new URL(item.servers[0]?.url ?? '/', 'http://x').pathname.replace(/\/$/, '')
      : '';
    const { servers: _servers, ...rest } = item;
    paths[`${base}${path}`] = rest;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'nox-bench-prism-')), 'nox-auth.json');
  writeFileSync(file, JSON.stringify({ ...spec, paths }));
  return file;
}
