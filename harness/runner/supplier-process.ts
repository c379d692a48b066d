import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { SupplierAdapter } from '../config/define-config.ts';
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
    await waitUntilReady(url, adapter, { exited: () => undefined, output: () => '' });
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
  const portEnv = Object.keys(noxEnv).find((name) => noxEnv[name] === new URL(url).port);
  const exited = () =>
    child.exitCode !== null
      ? `exited with code ${child.exitCode}`
      : child.signalCode !== null
        ? `was killed by ${child.signalCode}`
        : undefined;
  try {
    await waitUntilReady(url, adapter, { exited, output: () => output, portEnv });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

interface AppWatch {
  /** How the app's process ended ("exited with code 3"), or undefined while it runs (or when none was started). */
  exited: () => string | undefined;
  output: () => string;
  /** The env variable that told the app its port. */
  portEnv?: string;
}

/** What the last try at `readyPath` saw: an answer, or why there was none. */
type Probe = { status: number; body: string } | { error: string };

/**
 * Polls `readyPath` until it answers below 400. Fails with one message per cause, each with the app's last
 * lines of output: it exited (its code), it listened but `readyPath` answered an error (its status and
 * body), it accepted connections but never answered, or nothing listened on its port.
 */
async function waitUntilReady(url: string, adapter: SupplierAdapter, app: AppWatch) {
  const timeout = readyTimeoutMs(adapter);
  const deadline = Date.now() + timeout;
  const ready = readyUrl(url, adapter);
  for (;;) {
    const exited = app.exited();
    if (exited) {
      throw new HarnessError(
        'SUPPLIER_START_FAILED',
        `The supplier app ${exited} before ${ready} answered. ${lastLines(app.output())}`,
      );
    }
    const probe = await tryReady(ready);
    if ('status' in probe && probe.status < 400) return;
    if (Date.now() > deadline) throw notReady(url, ready, timeout, probe, app);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function tryReady(ready: string): Promise<Probe> {
  try {
    const res = await fetch(ready, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
    return { status: res.status, body: res.status < 400 ? '' : await res.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { error: (error as Error).name === 'TimeoutError' ? 'timeout' : (cause ?? String(error)) };
  }
}

function notReady(url: string, ready: string, timeout: number, probe: Probe, app: AppWatch): HarnessError {
  const within = `within ${timeout / 1000} s`;
  const output = lastLines(app.output());
  if ('status' in probe) {
    const body = probe.body.trim().slice(0, 500) || '(empty)';
    return new HarnessError(
      'SUPPLIER_START_FAILED',
      `The supplier app is listening, but ${ready} still answered ${probe.status} ${within} (readyPath must answer 2xx once the app is ready). Its body: ${body}\n${output}`,
    );
  }
  if (probe.error === 'timeout') {
    return new HarnessError(
      'SUPPLIER_START_FAILED',
      `The supplier app accepted the connection, but ${ready} never answered (each try waited 2 s, ${within} in all). ${output}`,
    );
  }
  const port = new URL(url).port;
  const told = app.portEnv ? ` it was given in ${app.portEnv}=${port}` : ` ${port}`;
  return new HarnessError(
    'SUPPLIER_START_FAILED',
    `Nothing listened on ${new URL(url).host} ${within} (${probe.error}): the app must listen on 127.0.0.1 (or all interfaces) at the port${told}. ${output}`,
  );
}

/** The app's last 20 lines of output, or that it printed nothing. */
function lastLines(output: string): string {
  const lines = output.trimEnd().split(/\r?\n/).slice(-20);
  return output.trim() === '' ? 'It printed nothing.' : `Its last lines:\n${lines.join('\n')}`;
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
