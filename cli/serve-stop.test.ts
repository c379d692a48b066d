import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type ServeProcess, spawnServe } from '../test/test-support/spawn-serve.ts';
import { databaseWithSessions } from '../test/test-support/stored-sessions.ts';

const ITERATIONS = Number(process.env.NOX_STOP_ITERATIONS ?? 2);
const running: ServeProcess[] = [];
const serve = async (args: string[]) => {
  const started = await spawnServe(args);
  running.push(started);
  return started;
};
afterEach(() => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
});
const json = { 'content-type': 'application/json' };
const createSession = (url: string, user: string) =>
  fetch(`${url}/v2/supplier/link-sessions`, {
    method: 'POST',
    headers: { ...json, 'x-api-key': 'api_key_123' },
    body: JSON.stringify({ user_id: user, redirect_url: 'https://your-app.com/callback', asset_type: 'hp' }),
  });
const sessions = async (url: string) =>
  (await (await fetch(`${url}/__nox/state`)).json()).link_sessions as { supplier_user_id: string }[];

/** Holds the next `n` link-session calls in a 1.5 s latency fault and resolves once all of them arrived. */
async function holdInFlight(url: string, n: number, tag: string) {
  await fetch(`${url}/__nox/faults`, {
    method: 'PUT',
    headers: json,
    body: JSON.stringify({
      organisation_id: 'supplier_123',
      routes: [{ method: 'POST', path: '/v2/supplier/link-sessions', latency_ms: 1500, times: n }],
    }),
  });
  const answers = Array.from({ length: n }, (_, i) => createSession(url, `${tag}_${i}`));
  // Each held call counts the fault down before it waits: none left means every call is in flight.
  while ((await (await fetch(`${url}/__nox/state`)).json()).organisations[0].route_faults.length > 0);
  return answers;
}

describe('stopping nox-testkit serve', () => {
  test(`SIGTERM answers every in-flight request, keeps each write and exits 0 (${ITERATIONS} times)`, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'nox-stop-')), 'db.json');
    for (let round = 0; round < ITERATIONS; round++) {
      const mock = await serve(['--port', '0', '--db', db]);
      const answers = await holdInFlight(mock.url, 10, `r${round}`);
      mock.child.kill('SIGTERM');
      const statuses = await Promise.all(answers.map(async (a) => (await a).status));
      expect(statuses).toEqual(Array(10).fill(201));
      expect(await mock.exited).toBe(0);
      expect(existsSync(`${db}.lock`)).toBe(false);
      const next = await serve(['--port', '0', '--db', db]);
      const users = (await sessions(next.url)).map((s) => s.supplier_user_id);
      for (let i = 0; i < 10; i++) expect(users).toContain(`r${round}_${i}`);
      next.child.kill('SIGTERM');
      expect(await next.exited).toBe(0);
    }
  }, 240_000);

  test('a second signal stops at once and keeps every acknowledged write', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'nox-stop-')), 'db.json');
    const mock = await serve(['--port', '0', '--db', db]);
    expect((await createSession(mock.url, 'acknowledged')).status).toBe(201);
    const held = (await holdInFlight(mock.url, 3, 'held')).map((a) => a.catch(() => undefined));
    mock.child.kill('SIGTERM');
    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(130);
    await Promise.allSettled(held);
    const next = await serve(['--port', '0', '--db', db]);
    expect((await sessions(next.url)).map((s) => s.supplier_user_id)).toContain('acknowledged');
  }, 120_000);

  const KILL_ROUNDS = Math.max(ITERATIONS, 4);
  test(`SIGKILL during writes, with thousands of records stored, loses no acknowledged write and leaves no .tmp file (${KILL_ROUNDS} times)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nox-kill-'));
    const db = join(dir, 'db.json');
    writeFileSync(db, JSON.stringify(databaseWithSessions(5000)));
    const acknowledged: string[] = [];
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const mock = await serve(['--port', '0', '--db', db]);
      const calls = Array.from({ length: 40 }, (_, i) => `k${round}_${i}`).map(async (user) => {
        if ((await createSession(mock.url, user)).status === 201) acknowledged.push(user);
      });
      await Promise.race(calls);
      mock.child.kill('SIGKILL');
      await Promise.allSettled(calls);
      await mock.exited;
    }
    const last = await serve(['--port', '0', '--db', db]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const users = new Set((await sessions(last.url)).map((s) => s.supplier_user_id));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const user of acknowledged) expect(users).toContain(user);
    for (let i = 0; i < 5000; i++) expect(users.has(`stored_${i}`)).toBe(true);
  }, 240_000);

  test('beyond loopback without --admin-token the control API is shut and the banner says how to open it', async () => {
    const mock = await serve(['--port', '0', '--in-memory', '--host', '0.0.0.0']);
    expect(mock.output()).toContain('needs --admin-token TOKEN');
    expect((await fetch(`${mock.url}/__nox/health`)).status).toBe(403);
  }, 60_000);
});
