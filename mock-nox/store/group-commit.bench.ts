// Benchmark: concurrent link-session creation over HTTP against a file store, with the store's group
// commit versus a baseline that serialises and writes the whole file for every request (the naive
// lowdb use), measured in the same run. Run: npm run bench
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSONFile } from 'lowdb/node';
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

async function run(
  label: string,
  makeCommit: (store: Store, adapter: ReturnType<typeof countingFile>) => Store['commit'],
) {
  const file = join(mkdtempSync(join(tmpdir(), 'nox-bench-')), 'db.json');
  const adapter = countingFile(file);
  const store = await openStore({ adapter, location: file });
  preload(store);
  await store.commit();
  adapter.writes = 0;
  store.commit = makeCommit(store, adapter);
  const server = await startServer({ store }, '127.0.0.1', 0);
  const started = performance.now();
  for (let sent = 0; sent < REQUESTS; sent += CONCURRENCY) {
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => createSession(server.url, sent + i)));
  }
  const ms = performance.now() - started;
  await server.close();
  return { label, ms, perSecond: (REQUESTS / ms) * 1000, writes: adapter.writes };
}

function preload(store: Store) {
  const template = store.data.link_sessions;
  for (let i = 0; i < PRELOADED_SESSIONS; i++) {
    template.push({
      token: `preloaded_${i}`.padEnd(43, 'x'),
      organisation_id: 'supplier_123',
      api_version: 'v2',
      supplier_user_id: `user_${i}`,
      redirect_url: 'https://your-app.com/callback',
      language: 'nl',
      asset_type: 'hp',
      asset_type_defaulted: false,
      brand: null,
      created_at: 0,
      expires_at: 600,
      completed_at: null,
      status: 'pending',
      error: null,
      login: null,
      nox_user_id: null,
      device_ids: [],
    });
  }
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

const baseline = await run(
  'baseline: whole file per request',
  (store, adapter) => () => adapter.write(store.data),
);
const grouped = await run('group commit (the store)', (store) => store.commit);

console.log(
  `${REQUESTS} POST /v2/supplier/link-sessions, ${CONCURRENCY} at a time, file preloaded with ${PRELOADED_SESSIONS} sessions`,
);
for (const r of [baseline, grouped]) {
  const figures = `${r.ms.toFixed(0).padStart(6)} ms ${r.perSecond.toFixed(0).padStart(6)} req/s ${String(r.writes).padStart(5)} file writes`;
  console.log(`  ${r.label.padEnd(34)} ${figures}`);
}
console.log(`  speed-up: ${(grouped.perSecond / baseline.perSecond).toFixed(2)}x`);
