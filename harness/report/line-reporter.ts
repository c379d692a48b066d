import { createConsoleFrame } from './console-frame.ts';
import { type ConsoleReporterOptions, consoleOutput } from './console-output.ts';
import type { Reporter } from './run-result.ts';
import { scenarioDetails, scenarioLine } from './scenario-lines.ts';
import { showControlChars } from './show-control-chars.ts';
import { createRunningSet, createStatusLine } from './status-line.ts';

/**
 * One line, rewritten on a terminal: `[n/N]` scenarios done and the one running; failures and flaky
 * scenarios are printed above it as they end. Not on a terminal: a plain `[n/N] name` line as each starts.
 */
export function createLineReporter(options: ConsoleReporterOptions = {}): Reporter {
  const output = consoleOutput(options);
  const { colors, tty } = output;
  const status = createStatusLine(output.write, tty, output.columns);
  const frame = createConsoleFrame(output, options, status.print, status.clear);
  const running = createRunningSet();
  let started = 0;
  let done = 0;
  const showRunning = () => status.show(`[${done}/${frame.total()}] ${showControlChars(running.describe())}`);
  return {
    name: 'line',
    ...frame.events,
    onScenarioStart({ id, name }) {
      started += 1;
      running.start(id, name);
      if (tty) showRunning();
      else output.write(`[${started}/${frame.total()}] ${showControlChars(name)}\n`);
    },
    onScenarioEnd(result) {
      running.end(result.id);
      done += 1;
      if (result.status === 'failed' || result.flaky) {
        status.print(scenarioLine(result, colors) + scenarioDetails(result, colors));
      }
      if (tty) showRunning();
    },
  };
}
