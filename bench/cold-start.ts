// Cold start: from spawning the process to its first successful POST /v2/supplier/link-sessions,
// polled every 5 ms. Samples are interleaved across the commands; the median is reported.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, root, spawnNode, waitUntilReady } from './processes.ts';
import { commandLine, createsLinkSession, type ServerKind, type StartOptions } from './servers.ts';
import { median } from './stats.ts';

export interface ColdStartCase {
  name: string;
  kind: ServerKind;
  options?: StartOptions;
}

async function coldStartOnce({ kind, options }: ColdStartCase): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const server = spawnNode(commandLine(kind, port, options), { npm_command: '' });
  try {
    await waitUntilReady(server, () => createsLinkSession(`http://127.0.0.1:${port}`));
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

/** What bin/nox-testkit.js would run: dist/ built by this bench, present, older than a source, or missing. */
export type DistState = 'built' | 'present' | 'stale' | 'missing';

const SOURCE_DIRS = ['cli', 'common', 'harness', 'mock-nox', 'openapi', 'contracts', 'scenarios'];

/** Whether dist/ exists and is newer than every source file it is compiled from (a test file excepted). */
export function distState(): Exclude<DistState, 'built'> {
  const built = mtimeOf(join(root, 'dist/cli/nox-testkit.js'));
  if (built === null) return 'missing';
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name !== 'node_modules' && newer(path);
      return (
        /\.(ts|yaml)$/.test(entry.name) && !entry.name.endsWith('.test.ts') && (mtimeOf(path) ?? 0) > built
      );
    });
  return SOURCE_DIRS.some((dir) => newer(join(root, dir))) ? 'stale' : 'present';
}

function mtimeOf(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** A sample that never answered is kept as its error, not taken as a figure. */
async function sample(c: ColdStartCase): Promise<number | string> {
  return coldStartOnce(c).catch(
    (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '',
  );
}

export async function coldStarts(
  cases: ColdStartCase[],
  samples: number,
): Promise<Record<string, { ms: number | null; samples_ms: number[]; errors: string[] }>> {
  const all: Record<string, (number | string)[]> = Object.fromEntries(cases.map((c) => [c.name, []]));
  for (let s = 0; s < samples; s++) {
    for (const c of cases) all[c.name]?.push(await sample(c));
  }
  return Object.fromEntries(
    Object.entries(all).map(([name, results]) => {
      const ms = results.filter((r): r is number => typeof r === 'number');
      const errors = results.filter((r): r is string => typeof r === 'string');
      return [name, { ms: ms.length ? median(ms) : null, samples_ms: ms, errors }];
    }),
  );
}
