import { createConsoleFrame } from './console-frame.ts';
import { type ConsoleReporterOptions, consoleOutput } from './console-output.ts';
import type { Reporter } from './run-result.ts';
import { scenarioDetails, scenarioLine } from './scenario-lines.ts';
import { showControlChars } from './show-control-chars.ts';
import { createRunningSet, createStatusLine } from './status-line.ts';

/**
 * What starts, then a line per scenario as it ends with a counter `[n/N]`, the failures explained and
 * flaky ones marked, then a summary and the verdict. On a terminal the last line shows what is running.
 */
export function createListReporter(options: ConsoleReporterOptions = {}): Reporter {
  const output = consoleOutput(options);
  const { colors } = output;
  const status = createStatusLine(output.write, output.tty, output.columns);
  const frame = createConsoleFrame(output, options, status.print, status.clear);
  const running = createRunningSet();
  let done = 0;
  const showRunning = () => {
    const now = running.describe();
    if (now) status.show(`  running: ${showControlChars(now)}`);
    else status.clear();
  };
  return {
    name: 'list',
    ...frame.events,
    onScenarioStart({ id, name }) {
      running.start(id, name);
      showRunning();
    },
    onScenarioEnd(result) {
      running.end(result.id);
      done += 1;
      const counter = frame.total() > 0 ? `[${done}/${frame.total()}]` : undefined;
      status.print(scenarioLine(result, colors, counter) + scenarioDetails(result, colors));
      showRunning();
    },
  };
}
