import type { ConsoleOutput, ConsoleReporterOptions } from './console-output.ts';
import { createPhaseDescriber } from './describe-phase.ts';
import type { Reporter } from './run-result.ts';
import { runHeader, summaryLines } from './summary-lines.ts';

export interface ConsoleFrame {
  /** The reporter's onPhase, onRunStart and onRunEnd. */
  events: Required<Pick<Reporter, 'onPhase' | 'onRunStart' | 'onRunEnd'>>;
  /** How many scenarios the run has, once it started. */
  total(): number;
}

/**
 * What every console reporter prints around its scenarios: the start-up phases, the header (supplier,
 * workers, shard) and the summary. `print` writes above a status line; `beforeSummary` clears it.
 */
export function createConsoleFrame(
  output: ConsoleOutput,
  options: ConsoleReporterOptions,
  print: (text: string) => void,
  beforeSummary: () => void,
): ConsoleFrame {
  const phase = createPhaseDescriber();
  let total = 0;
  const events: ConsoleFrame['events'] = {
    onPhase: (p) => print(`${output.colors.dim(phase(p))}\n`),
    onRunStart(info) {
      total = info.total;
      print(`\n${runHeader(info)}\n`);
    },
    onRunEnd(result, reportDir) {
      beforeSummary();
      output.write(summaryLines(result, reportDir, options.reportFiles, output.colors));
    },
  };
  return { events, total: () => total };
}
