import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { SupplierAdapter } from '../config/supplier-adapter.ts';
import { HarnessError } from '../errors.ts';
import type { RunPhase } from '../report/run-result.ts';
import { execCommand } from './exec-command.ts';

export interface RunningSupplier {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback, so the supplier's origin (and so its redirect URL) is known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts the supplier's app with the NOX variables in its env (or reaches a running one) and waits until
 * `readyPath` answers, saying what it waits for; its output is kept for the error message when it does not come up.
 */
export async function startSupplier(
  adapter: SupplierAdapter,
  cwd: string,
  port: number,
  noxEnv: Record<string, string>,
  onPhase: (phase: RunPhase) => void = () => undefined,
): Promise<RunningSupplier> {
  const url = adapter.start ? `http://127.0.0.1:${port}` : (adapter.url ?? '').replace(/\/+$/, '');
  const wait = `waiting for ${readyUrl(url, adapter)} (up to ${readyTimeoutMs(adapter) / 1000} s)`;
  onPhase({ what: 'app', state: 'starting', detail: adapter.start ? wait : `already running: ${wait}` });
  const supplier = await launch(adapter, cwd, url, noxEnv);
  onPhase({ what: 'app', state: 'ready', detail: url });
  return supplier;
}

async function launch(
  adapter: SupplierAdapter,
  cwd: string,
  url: string,
  noxEnv: Record<string, string>,
): Promise<RunningSupplier> {
  if (!adapter.start) {
    await waitUntilReady(
      url,
      adapter,
      () => undefined,
      () => '',
    );
    return { url, stop: async () => undefined };
  }
  const child = spawn(execCommand(adapter.start.command), {
    cwd,
    shell: true,
    detached: true,
    env: { ...process.env, ...adapter.start.env, ...noxEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (child.pid !== undefined) startedGroups.add(child.pid);
  const stop = async () => {
    await stopProcess(child);
    if (child.pid !== undefined) startedGroups.delete(child.pid);
  };
  try {
    await waitUntilReady(
      url,
      adapter,
      () => child.exitCode,
      () => output,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function waitUntilReady(
  url: string,
  adapter: SupplierAdapter,
  exitCode: () => number | null | undefined,
  output: () => string,
) {
  const timeout = readyTimeoutMs(adapter);
  const deadline = Date.now() + timeout;
  const ready = readyUrl(url, adapter);
  for (;;) {
    const code = exitCode();
    if (code !== null && code !== undefined) {
      throw new HarnessError(
        'SUPPLIER_START_FAILED',
        `The supplier app exited with code ${code} before it was ready. Its output:\n${output()}`,
      );
    }
    const ok = await fetch(ready, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status < 400,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) {
      throw new HarnessError(
        'SUPPLIER_START_FAILED',
        `The supplier app did not answer ${ready} within ${timeout / 1000} s. Its output:\n${output() || '(none)'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function readyUrl(url: string, adapter: SupplierAdapter): string {
  return new URL(adapter.readyPath ?? '/', `${url}/`).toString();
}

function readyTimeoutMs(adapter: SupplierAdapter): number {
  return adapter.start?.readyTimeoutMs ?? 20_000;
}

/** Process groups of apps started and not yet stopped; killed if the harness exits without teardown. */
const startedGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of startedGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
});

/** SIGTERM to the app's whole process group, SIGKILL after 3 s. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {}
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    signal('SIGTERM');
  });
}
