// The servers the bench starts: each a real process, tracked so every one is stopped at the end, on an
// error and on Ctrl-C (SIGINT/SIGTERM), whatever the bench was doing.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');
const running = new Set<ChildProcess>();
const tempDirs: string[] = [];

/** A fresh temporary folder, removed by removeTempDirs (seeded databases reach 170 MB). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder tempDir made. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A started server: its base URL, its output so far, and how to stop it. */
export interface Spawned {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `node <args>` in the project folder, tracked for stopping. */
export function spawnNode(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Omit<Spawned, 'url'> & { command: string } {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
  });
  child.once('exit', () => running.delete(child));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { child, command: `node ${args.join(' ')}`, output: () => output, stop };
}

/** A free loopback port (the OS picks it; another process could take it in between, which is rare). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls `probe` until it answers true; rejects when the process exits first or after `timeoutMs`. */
export async function waitUntilReady(
  server: Omit<Spawned, 'url'> & { command: string },
  probe: () => Promise<boolean>,
  timeoutMs = 300_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error(`${server.command} exited before it answered:\n${server.output()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${server.command} did not answer within ${timeoutMs} ms:\n${server.output()}`);
}

/** Stops every process still running: at the end, on error and on a signal. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 5000).unref();
        }),
    ),
  );
}

/** Ctrl-C or SIGTERM: stop every child, then exit 130; and never leave one behind on any exit. */
export function stopAllOnSignals(): void {
  const onSignal = () => {
    process.stderr.write('\nbench: stopping the servers it started...\n');
    void stopAll().then(() => {
      removeTempDirs();
      process.exit(130);
    });
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}
