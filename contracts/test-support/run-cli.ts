import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

const entry = join(resolve(import.meta.dirname, '..', '..'), 'cli', 'nox-testkit.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
  ms: number;
}

/** Runs `nox-testkit <args>` in its own process, as a user's shell does, and resolves when it exits. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', entry, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        done({ code, stdout, stderr, out: stdout + stderr, ms: Date.now() - started });
      },
    );
  });
}
