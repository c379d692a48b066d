import type { RunResult } from '../harness/index.ts';
import { type RunInput, run } from '../harness/index.ts';
import { openStore, startServer } from '../mock-nox/index.ts';

/**
 * A run against the mock the settings or the config name, or else one started in-process for the run
 * (the run tells the reporters it is starting, and stops it at the end).
 */
export function runWithMock(input: Omit<RunInput, 'mock'>): Promise<RunResult> {
  const url = input.settings.mockUrl ?? input.config.mock?.url;
  if (url) return run({ ...input, mock: { url, external: true } });
  const start = async () => {
    const server = await startServer({ store: await openStore({ inMemory: true }) }, '127.0.0.1', 0);
    return { url: server.url, stop: () => server.close() };
  };
  return run({ ...input, mock: { start } });
}
