// The built-in catalogue against the reference supplier, as `npm run demo` runs it: wall time of the whole
// `nox-testkit run` and each scenario's own duration from its results.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnNode, tempDir } from './processes.ts';

export interface CatalogueFigure {
  wall_ms: number;
  exit_code: number | null;
  counts: Record<string, number>;
  scenarios: { id: string; status: string; duration_ms: number }[];
}

export async function runCatalogue(): Promise<CatalogueFigure> {
  const reportDir = tempDir('nox-bench-catalogue-');
  const args = [
    '--import',
    'tsx',
    'cli/nox-testkit.ts',
    'run',
    '--report-dir',
    reportDir,
    '--reporter',
    'json',
    '--no-pact',
  ];
  const started = performance.now();
  // Tracked like the servers: on Ctrl-C it gets SIGTERM and stops its own mock, supplier and browser.
  const run = spawnNode(args);
  const exitCode = await new Promise<number | null>((resolve) => {
    if (run.child.exitCode !== null) resolve(run.child.exitCode);
    run.child.once('exit', resolve);
  });
  const wall = performance.now() - started;
  let results: {
    counts: Record<string, number>;
    scenarios: { id: string; status: string; duration_ms: number }[];
  };
  try {
    results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8'));
  } catch {
    throw new Error(`the catalogue run wrote no results.json (exit ${exitCode}):\n${run.output()}`);
  }
  return {
    wall_ms: wall,
    exit_code: exitCode,
    counts: results.counts,
    scenarios: results.scenarios.map(({ id, status, duration_ms }) => ({ id, status, duration_ms })),
  };
}
