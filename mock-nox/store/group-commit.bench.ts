// Micro-benchmark: concurrent link-session creation over HTTP against a file store, in one run: a
// baseline that serialises and writes the whole file for every request (the naive lowdb use), group
// commit of the whole file (the store before #11), and the store's group-committed append-only log.
// Run: node --import tsx mock-nox/store/group-commit.bench.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSONFile } from 'lowdb/node';
import { storedSession } from '../../test/test-support/stored-sessions.ts';
import { startServer } from '../server.ts';
import { openStore, type Store } from './open-store.ts';
import type { Db } from './schema.ts';

const REQUESTS = 400;
const CONCURRENCY = 50;
const PRELOADED_SESSIONS = 3000;

/** A lowdb JSON file adapter that counts whole-file writes (each one serialises the whole database). */
function countingFile(file: string) {
  const inner = new JSONFile<Db>(file);
  const counter = {
    writes: 0,
    read: () => inner.read(),
    write: (data: Db) => {
      counter.writes++;
      return inner.write(data);
    },
  };
  return counter;
}

type Opened = { store: Store; writes: () => number };

async function run(label: string, open: (file: string) => Promise<Opened>) {
  const file = join(mkdtempSync(join(tmpdir(), 'nox-bench-')), 'db.json');
  const { store, writes } = await open(file);
  preload(store);
  await store.commit();
  const before = writes();
  const server = await startServer({ store }, '127.0.0.1', 0);
  const started = performance.now();
  for (let sent = 0; sent < REQUESTS; sent += CONCURRENCY) {
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => createSession(server.url, sent + i)));
  }
  const ms = performance.now() - started;
  await server.close();
  await store.close();
  return { label, ms, perSecond: (REQUESTS / ms) * 1000, writes: writes() - before };
}

/** The store on a lowdb adapter that rewrites the whole file; `perRequest` also drops the group commit. */
async function wholeFile(file: string, perRequest: boolean): Promise<Opened> {
  const adapter = countingFile(file);
  const store = await openStore({ adapter, location: file });
  if (perRequest) store.commit = () => adapter.write(store.data);
  return { store, writes: () => adapter.writes };
}

function preload(store: Store) {
  for (let i = 0; i < PRELOADED_SESSIONS; i++) store.data.link_sessions.push(storedSession(i));
}

async function createSession(url: string, i: number) {
  const res = await fetch(`${url}/v2/supplier/link-sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'api_key_123' },
    body: JSON.stringify({
      user_id: `bench_${i}`,
      redirect_url: 'https://your-app.com/callback',
      asset_type: 'hp',
    }),
  });
  if (res.status !== 201) throw new Error(`unexpected ${res.status}`);
}

const results = [
  await run('baseline: whole file per request', (file) => wholeFile(file, true)),
  await run('group commit of the whole file', (file) => wholeFile(file, false)),
  await run('group commit to the log (the store)', async (file) => ({
    store: await openStore({ file }),
    writes: () => Number.NaN,
  })),
];

console.log(
  `${REQUESTS} POST /v2/supplier/link-sessions, ${CONCURRENCY} at a time, file preloaded with ${PRELOADED_SESSIONS} sessions`,
);
for (const r of results) {
  const writes = Number.isNaN(r.writes) ? '' : `${String(r.writes).padStart(5)} whole-file writes`;
  console.log(
    `  ${r.label.padEnd(36)} ${r.ms.toFixed(0).padStart(6)} ms ${r.perSecond.toFixed(0).padStart(6)} req/s ${writes}`,
  );
}
const [baseline, grouped, logged] = results.map((r) => r.perSecond) as [number, number, number];
console.log(
  `  group commit ${(grouped / baseline).toFixed(2)}x the baseline; the log ${(logged / grouped).toFixed(2)}x group commit`,
);
