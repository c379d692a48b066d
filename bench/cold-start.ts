// Cold start: from spawning the process to its first successful POST /v2/supplier/link-sessions,
// polled every 5 ms. Samples are interleaved across the commands; the median is reported.

import { freePort, spawnNode, waitUntilReady } from './processes.ts';
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

/** Median cold start in ms of each case, over `samples` interleaved samples. */
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
