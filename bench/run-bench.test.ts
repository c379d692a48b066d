// The bench script runs end to end in --smoke mode (the --quick plan, a fraction of a second per figure:
// the same measurements, cheap enough for the suite) and names every figure in its JSON; a Ctrl-C stops every
// server it started. No figure's value is judged here: speed is the bench's to print, never a test's to assert.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');

function runBench(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run-bench.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const servers = ['bare_http', 'express_fixed', 'prism', 'mock_memory', 'mock_file'];
const lifecycles = ['flow1_memory', 'flow1_file', 'flow2_memory', 'flow2_file'];

describe('npm run bench', () => {
  test('--smoke measures every server, lifecycle, store size and cold start, and writes them to its JSON', {
    timeout: 600_000,
  }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nox-bench-test-')), 'bench.json');
    const bench = runBench(['--smoke', '--out', out]);
    expect(await bench.exited, bench.output()).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.mode).toBe('smoke');
    expect(Object.keys(result.machine)).toEqual(
      expect.arrayContaining(['cpus', 'node', 'load_average_at_start']),
    );
    for (const name of servers) {
      const f = result.link_sessions.servers[name];
      expect(Object.keys(f), name).toEqual(
        expect.arrayContaining(['per_second', 'p50_ms', 'p99_ms', 'rounds']),
      );
      expect(f.per_second, `${name} answered link sessions`).toBeGreaterThan(0);
    }
    expect(Object.keys(result.link_sessions.ratios)).toEqual(
      expect.arrayContaining(['file_over_memory', 'memory_over_express', 'file_over_prism']),
    );
    for (const name of lifecycles) {
      expect(result.lifecycles[name].failed, `${name}: ${result.lifecycles[name].first_error}`).toBe(0);
      expect(result.lifecycles[name].per_second, name).toBeGreaterThan(0);
    }
    expect(result.stored_users.small.per_second).toBeGreaterThan(0);
    expect(result.stored_users.large.per_second).toBeGreaterThan(0);
    expect(typeof result.stored_users.large_over_small).toBe('number');
    expect(result.cold_start.mock_tsx.ms).toBeGreaterThan(0);
    expect(result.cold_start.prism.ms).toBeGreaterThan(0);
    // --smoke, like --quick, does not build: it measures the bin when dist/ is there, and says how fresh it is.
    expect(['present', 'stale', 'missing']).toContain(result.cold_start.dist);
    if (result.cold_start.dist === 'missing') expect(result.cold_start.mock_dist).toBeNull();
    else
      expect(result.cold_start.mock_dist.samples_ms.length + result.cold_start.mock_dist.errors.length).toBe(
        1,
      );
    expect(result.catalogue).toBeNull(); // --smoke, like --quick, skips the catalogue
    expect(result.targets.map((t: { target: string }) => t.target)).toHaveLength(6);
    expect(bench.output()).toContain('Targets of issue #11');
  });

  test('Ctrl-C stops every server the bench started and exits 130', { timeout: 300_000 }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nox-bench-test-')), 'bench.json');
    const bench = runBench(['--smoke', '--out', out]);
    await waitFor(bench.child, bench.output, 'link-session creation');
    const started = childrenOf(bench.child.pid ?? 0);
    expect(started.length).toBeGreaterThanOrEqual(5);
    bench.child.kill('SIGINT');
    expect(await bench.exited).toBe(130);
    expect(started.filter(isRunning)).toEqual([]);
  });

  test('an unknown argument is one clear error, exit 2', async () => {
    const bench = runBench(['--quik']);
    expect(await bench.exited).toBe(2);
    expect(bench.output()).toContain(
      'unknown argument --quik; usage: npm run bench [-- --quick | --smoke] [-- --out FILE]',
    );
  });
});

async function waitFor(child: ChildProcess, output: () => string, text: string) {
  while (!output().includes(text)) {
    if (child.exitCode !== null) throw new Error(`the bench exited before "${text}":\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
