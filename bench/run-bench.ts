// npm run bench [-- --quick | --smoke] [-- --out FILE]: measures the mock beside its limit (bare node:http), the
// framework's floor (plain Express) and its peer (Prism) in one run, in interleaved rounds; prints a table
// and writes every figure to .nox-testkit/bench.json. Targets of issue #11 are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runCatalogue } from './catalogue.ts';
import { coldStarts, type DistState, distState } from './cold-start.ts';
import { type Flow, lifecycleRound } from './lifecycles.ts';
import { interleavedLoad } from './link-sessions.ts';
import { removeTempDirs, root, stopAll, stopAllOnSignals, tempDir } from './processes.ts';
import { atLeast, atMost, figure, loadRows, table, targetRows } from './report.ts';
import { seedLinkedUsers } from './seed-users.ts';
import { type ServerKind, startServer } from './servers.ts';
import { medianRates, ratio, total } from './stats.ts';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const quick = smoke || args.includes('--quick');
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 ? (args[outIndex + 1] ?? '') : join(root, '.nox-testkit/bench.json'));
const known = ['--quick', '--smoke', '--out'];
const unknown = args.filter((a, i) => !known.includes(a) && args[i - 1] !== '--out');
if (unknown.length > 0 || (outIndex >= 0 && !args[outIndex + 1])) {
  process.stderr.write(
    `bench: unknown argument ${unknown[0] ?? '--out without a file'}; usage: npm run bench [-- --quick | --smoke] [-- --out FILE]\n`,
  );
  process.exit(2);
}

/**
 * Full: what the README reports. Quick: under a minute, for CI, figures only indicative. Smoke: the quick
 * plan cut to a fraction of a second per figure, for the test suite, which checks that every measurement
 * runs and is written, never what it measured (the figures mean nothing).
 */
const quickPlan = {
  rounds: 2,
  seconds: 1,
  lifecycleRounds: 1,
  lifecycleSeconds: 2,
  users: [1_000, 10_000],
  coldSamples: 1,
  build: false,
  catalogue: false,
};
const plan = smoke
  ? { ...quickPlan, rounds: 1, seconds: 0.5, lifecycleSeconds: 0.5, users: [100, 1_000] }
  : quick
    ? quickPlan
    : {
        rounds: 3,
        seconds: 5,
        lifecycleRounds: 2,
        lifecycleSeconds: 5,
        users: [1_000, 100_000],
        coldSamples: 3,
        build: true,
        catalogue: true,
      };

const log = (text: string) => process.stderr.write(`bench: ${text}\n`);
const started = performance.now();

async function startAll<K extends string>(
  servers: Record<K, () => Promise<{ url: string; stop: () => Promise<void> }>>,
) {
  const entries = await Promise.all(
    Object.entries(servers).map(
      async ([name, start]) =>
        [name, await (start as () => Promise<{ url: string; stop: () => Promise<void> }>)()] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<K, { url: string; stop: () => Promise<void> }>;
}

async function stopEach(servers: Record<string, { stop: () => Promise<void> }>) {
  await Promise.all(Object.values(servers).map((s) => s.stop()));
}

const fileDb = () => join(tempDir('nox-bench-db-'), 'db.json');

async function measureLinkSessions() {
  log('starting bare node:http, Express, Prism, the mock in memory and with a file store');
  const kinds: Record<string, [ServerKind, string?]> = {
    bare_http: ['bare-http'],
    express_fixed: ['express-fixed'],
    prism: ['prism'],
    mock_memory: ['mock-memory'],
    mock_file: ['mock-file', fileDb()],
  };
  const servers = await startAll(
    Object.fromEntries(
      Object.entries(kinds).map(([name, [kind, db]]) => [name, () => startServer(kind, { db })]),
    ),
  );
  log(`link-session creation: ${plan.rounds} interleaved rounds of ${plan.seconds} s, 20 connections`);
  const urls = Object.fromEntries(Object.entries(servers).map(([name, s]) => [name, s.url]));
  const figures = await interleavedLoad(urls, plan.rounds, plan.seconds, (name, r) =>
    log(`  ${name.padEnd(14)} ${figure(r.per_second).padStart(6)} req/s  p99 ${figure(r.p99_ms)} ms`),
  );
  await stopEach(servers);
  return figures;
}

async function measureLifecycles() {
  log(
    `lifecycles: ${plan.lifecycleRounds} interleaved rounds of ${plan.lifecycleSeconds} s, 20 at a time, fresh servers`,
  );
  const servers = await startAll({
    memory: () => startServer('mock-memory'),
    file: () => startServer('mock-file', { db: fileDb() }),
  });
  const cases = (['flow1', 'flow2'] as Flow[]).flatMap((flow) =>
    (['memory', 'file'] as const).map((store) => ({ flow, store })),
  );
  const rounds: Record<string, Awaited<ReturnType<typeof lifecycleRound>>[]> = {};
  for (let r = 0; r < plan.lifecycleRounds; r++) {
    for (const { flow, store } of cases) {
      const round = await lifecycleRound(servers[store].url, flow, plan.lifecycleSeconds);
      pushTo(rounds, `${flow}_${store}`, round);
      log(
        `  ${flow} ${store.padEnd(6)} ${figure(round.per_second).padStart(5)} lifecycles/s  p99 ${figure(round.p99_ms)} ms${round.failed ? `  ${round.failed} failed: ${round.first_error}` : ''}`,
      );
    }
  }
  await stopEach(servers);
  return summarise(rounds);
}

function pushTo<T>(lists: Record<string, T[]>, key: string, value: T) {
  lists[key] = [...(lists[key] ?? []), value];
}

/** The catalogue's failure to run is recorded as its error, so the figures measured before are still written. */
async function measureCatalogue() {
  log('the catalogue against the reference supplier (nox-testkit run, json reporter, no pact)');
  return runCatalogue().catch((error: unknown) => {
    log(`the catalogue did not run: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
}

function summarise(rounds: Record<string, Awaited<ReturnType<typeof lifecycleRound>>[]>) {
  return Object.fromEntries(
    Object.entries(rounds).map(([name, all]) => [
      name,
      {
        ...medianRates(all),
        failed: total(all, (x) => x.failed),
        first_error: all.find((x) => x.first_error)?.first_error ?? null,
      },
    ]),
  );
}

async function measureStoredUsers() {
  const [small = 0, large = 0] = plan.users;
  log(`seeding file stores with ${small} and ${large} linked users`);
  const [smallSeed, largeSeed] = await seedLinkedUsers([small, large]);
  if (!smallSeed || !largeSeed) throw new Error('seeding made no files');
  const seeds = { small: smallSeed, large: largeSeed };
  const servers = await startAll({
    small: () => startServer('mock-file', { db: seeds.small.file }),
    large: () => startServer('mock-file', { db: seeds.large.file }),
  });
  for (const size of ['small', 'large'] as const) {
    const res = await fetch(`${servers[size].url}/v1/devices?user_id=${seeds[size].sampleNoxUserId}`, {
      headers: { 'x-api-key': 'api_key_123' },
    });
    const body = (await res.json()) as { data?: unknown[] };
    if (!body.data?.length)
      throw new Error(`the ${size} seeded store lost its users: ${res.status} ${JSON.stringify(body)}`);
  }
  const rounds: Record<string, Awaited<ReturnType<typeof lifecycleRound>>[]> = {};
  for (let r = 0; r < plan.lifecycleRounds; r++) {
    for (const size of ['small', 'large'] as const) {
      const round = await lifecycleRound(servers[size].url, 'flow1', plan.lifecycleSeconds);
      pushTo(rounds, `flow1_file_${size}`, round);
      log(
        `  ${plan.users[size === 'small' ? 0 : 1]} users  ${figure(round.per_second).padStart(5)} lifecycles/s  p99 ${figure(round.p99_ms)} ms`,
      );
    }
  }
  await stopEach(servers);
  const figures = summarise(rounds);
  return {
    small_users: small,
    large_users: large,
    small: figures.flow1_file_small,
    large: figures.flow1_file_large,
    large_over_small: ratio(figures.flow1_file_large?.per_second, figures.flow1_file_small?.per_second),
  };
}

/** The built bin is measured when dist/ is there (full mode builds it; quick mode takes what it finds). */
async function measureColdStart(dist: DistState) {
  log(`cold start to the first link session: ${plan.coldSamples} interleaved samples`);
  if (dist === 'missing')
    log('  no dist/: the built bin is not measured (npm run build, or a full run, builds it)');
  if (dist === 'stale') log('  dist/ is older than the sources: the built bin measured is not this code');
  const cases = [
    ...(dist !== 'missing'
      ? [{ name: 'mock_dist', kind: 'mock-memory' as const, options: { entry: 'dist' as const } }]
      : []),
    { name: 'mock_tsx', kind: 'mock-memory' as const },
    { name: 'prism', kind: 'prism' as const },
  ];
  const figures = await coldStarts(cases, plan.coldSamples);
  return {
    dist,
    mock_dist: figures.mock_dist ?? null,
    mock_tsx: figures.mock_tsx ?? null,
    prism: figures.prism ?? null,
  };
}

function build(): DistState {
  if (!plan.build) return distState();
  log('npm run build (the cold start of bin/nox-testkit.js measures what ships)');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
  return 'built';
}

async function main() {
  stopAllOnSignals();
  const machine = {
    cpus: availableParallelism(),
    cpu_model: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    load_average_at_start: loadavg().map((l) => Number(l.toFixed(2))),
  };
  const dist = build();
  const linkSessions = await measureLinkSessions();
  const lifecycles = await measureLifecycles();
  const storedUsers = await measureStoredUsers();
  const coldStart = await measureColdStart(dist);
  const catalogue = plan.catalogue ? await measureCatalogue() : null;

  const per = (name: string) => linkSessions[name]?.per_second;
  const ratios = {
    file_over_memory: ratio(per('mock_file'), per('mock_memory')),
    memory_over_express: ratio(per('mock_memory'), per('express_fixed')),
    file_over_prism: ratio(per('mock_file'), per('prism')),
    memory_over_bare_http: ratio(per('mock_memory'), per('bare_http')),
  };
  const mockColdMs = (coldStart.mock_dist ?? coldStart.mock_tsx)?.ms ?? null;
  const targets = [
    atLeast('file store / in-memory (link sessions/s)', ratios.file_over_memory, 0.8),
    atLeast('in-memory / plain Express fixed JSON', ratios.memory_over_express, 0.8),
    atLeast('mock with file store / Prism', ratios.file_over_prism, 2),
    atLeast(
      `${storedUsers.large_users} / ${storedUsers.small_users} stored users (lifecycles/s)`,
      storedUsers.large_over_small,
      0.9,
    ),
    atMost(
      `cold start of the mock, s (${coldStart.mock_dist?.ms ? `bin, dist/ ${dist}` : 'tsx sources'})`,
      mockColdMs === null ? null : mockColdMs / 1000,
      0.6,
    ),
    atMost('catalogue wall time, s', catalogue ? catalogue.wall_ms / 1000 : null, 25),
  ];
  const result = {
    mode: smoke ? 'smoke' : quick ? 'quick' : 'full',
    started_at: new Date(Date.now() - (performance.now() - started)).toISOString(),
    duration_s: 0,
    machine,
    plan,
    link_sessions: { connections: 20, servers: linkSessions, ratios },
    lifecycles,
    stored_users: storedUsers,
    cold_start: coldStart,
    catalogue,
    targets,
  };
  result.duration_s = Number(((performance.now() - started) / 1000).toFixed(1));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  print(result);
  process.stdout.write(
    `\nWritten to ${out} (${result.mode} run, ${result.duration_s} s). Targets are reported, never asserted.\n`,
  );
}

function print(r: {
  machine: { cpus: number; node: string; load_average_at_start: number[] };
  link_sessions: { servers: Parameters<typeof loadRows>[0] };
  lifecycles: Record<string, { per_second: number; p50_ms: number; p99_ms: number; failed: number }>;
  stored_users: Awaited<ReturnType<typeof measureStoredUsers>>;
  cold_start: Awaited<ReturnType<typeof measureColdStart>>;
  catalogue: Awaited<ReturnType<typeof runCatalogue>> | null;
  targets: Parameters<typeof targetRows>[0];
}) {
  const w = (text: string) => process.stdout.write(`${text}\n`);
  w(
    `\nnox-testkit bench (${smoke ? 'smoke' : quick ? 'quick' : 'full'}): ${r.machine.cpus} CPUs, node ${r.machine.node}, load ${r.machine.load_average_at_start.join(' ')}`,
  );
  w('\nPOST /v2/supplier/link-sessions, 20 connections (medians of the rounds)');
  w(
    table(
      ['server', 'req/s', 'p50 ms', 'p99 ms', 'x bare', 'errors'],
      loadRows(r.link_sessions.servers, 'bare_http'),
    ),
  );
  w('\nLifecycles, 20 at a time');
  const lifecycleRows = Object.entries({
    ...r.lifecycles,
    [`flow1_file_${r.stored_users.small_users}_users`]: r.stored_users.small,
    [`flow1_file_${r.stored_users.large_users}_users`]: r.stored_users.large,
  }).map(
    ([name, f]) =>
      [
        name,
        figure(f?.per_second, 1),
        figure(f?.p50_ms, 1),
        figure(f?.p99_ms, 1),
        String(f?.failed ?? '-'),
      ] as [string, ...string[]],
  );
  w(table(['lifecycle', 'per s', 'p50 ms', 'p99 ms', 'failed'], lifecycleRows));
  const { dist, ...coldStarts } = r.cold_start;
  w(`\nCold start to the first link session (median; dist/ ${dist})`);
  w(
    table(
      ['command', 'ms'],
      Object.entries(coldStarts).map(([name, f]) => [name, f ? figure(f.ms) : 'not measured']),
    ),
  );
  if (r.catalogue) {
    w(
      `\nCatalogue: ${figure(r.catalogue.wall_ms / 1000, 1)} s wall, exit ${r.catalogue.exit_code}, ${JSON.stringify(r.catalogue.counts)}; slowest scenarios:`,
    );
    const slowest = [...r.catalogue.scenarios].sort((a, b) => b.duration_ms - a.duration_ms).slice(0, 5);
    w(
      table(
        ['scenario', 'ms', 'status'],
        slowest.map((s) => [s.id, figure(s.duration_ms), s.status]),
      ),
    );
  }
  w('\nTargets of issue #11');
  w(table(['target', 'figure', 'goal', ''], targetRows(r.targets)));
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
  removeTempDirs();
}
