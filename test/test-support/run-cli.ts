import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = join(import.meta.dirname, '..', '..', 'cli', 'nox-testkit.ts');
// tsx by its path, so the CLI also runs from a folder outside this repository (`cwd`).
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Runs `nox-testkit <args>` to its end in its own process: exit code, stdout and stderr apart. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsx, entry, ...args],
      { env: { ...process.env, ...options.env }, cwd: options.cwd ?? join(import.meta.dirname, '..', '..') },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
