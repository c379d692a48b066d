import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

const entry = join(import.meta.dirname, 'main.ts');
const children: ChildProcess[] = [];

/** Runs main.ts with only the given environment (plus PATH) and collects its output. */
function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string | null>((resolve) => {
    child.stdout?.on('data', () => {
      const match = /^reference supplier listening on (http:\/\/\S+)$/m.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    exited.then(() => resolve(null));
  });
  return { child, exited, listening, output: () => output };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('main.ts', () => {
  const nox = { NOX_AUTH_URL: 'http://127.0.0.1:1', NOX_API_URL: 'http://127.0.0.1:1', NOX_API_KEY: 'k' };

  test('prints the line the harness waits for, answers /health and stops cleanly on SIGTERM', async () => {
    const run = runMain({ ...nox, PORT: '0' });
    const url = await run.listening;
    expect(url, run.output()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  test('stops with a message naming a missing variable', async () => {
    const run = runMain({ NOX_AUTH_URL: nox.NOX_AUTH_URL, NOX_API_URL: nox.NOX_API_URL });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      'reference supplier: NOX_API_KEY is not set: the API key NOX gave this supplier',
    );
  });

  test('names the flaw it runs with', async () => {
    const run = runMain({ ...nox, PORT: '0', SUPPLIER_FLAW: 'skip-device-fetch' });
    expect(await run.listening).not.toBeNull();
    expect(run.output()).toContain('SUPPLIER_FLAW=skip-device-fetch is on: it never fetches the devices');
  });
});
