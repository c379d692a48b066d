import { execFile } from 'node:child_process';
import { join } from 'node:path';

const entry = join(import.meta.dirname, '..', '..', 'cli', 'nox-testkit.ts');

/** Runs `nox-testkit <args>` to its end in its own process: exit code, stdout and stderr apart. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', entry, ...args],
      { env: { ...process.env, ...options.env }, cwd: options.cwd ?? join(import.meta.dirname, '..', '..') },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
