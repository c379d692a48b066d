import { createConsoleFrame } from './console-frame.ts';
import { type ConsoleReporterOptions, consoleOutput } from './console-output.ts';
import type { Reporter, ScenarioResult } from './run-result.ts';
import { scenarioDetails, scenarioLine } from './scenario-lines.ts';
import { showControlChars } from './show-control-chars.ts';
import { createRunningSet } from './status-line.ts';

const dotsPerRow = 80;

/**
 * One character per scenario as it ends (· passed, ± flaky, F required failure, w advisory failure,
 * ° skipped), 80 a row; on a terminal the running scenario follows the dots. Then the failures and
 * flaky scenarios explained, and the summary.
 */
export function createDotReporter(options: ConsoleReporterOptions = {}): Reporter {
  const output = consoleOutput(options);
  const { write, colors, tty, columns } = output;
  const running = createRunningSet();
  const noteworthy: ScenarioResult[] = [];
  let row = '';
  let rowLength = 0;
  let statusShown = false;
  // On a terminal the row is redrawn with the running scenario after it; elsewhere only dots are written.
  const redraw = () => {
    if (!tty) return;
    const room = Math.max(0, columns - rowLength - 3);
    const now = [...showControlChars(running.describe())].slice(0, room).join('');
    write(`\r\u001b[2K${row}${now ? `  ${colors.dim(now)}` : ''}`);
    statusShown = now !== '';
  };
  const endRow = () => {
    if (statusShown || (tty && rowLength > 0)) write(`\r\u001b[2K${row}`);
    if (rowLength > 0) write('\n');
    row = '';
    rowLength = 0;
    statusShown = false;
  };
  const mark = (r: ScenarioResult) => {
    if (r.status === 'skipped' || r.status === 'not_run') return colors.yellow('°');
    if (r.status === 'failed') return r.severity === 'required' ? colors.red('F') : colors.yellow('w');
    return r.flaky ? colors.yellow('±') : colors.green('·');
  };
  // Before the summary: the row ends, then the failures and flaky scenarios are explained.
  const frame = createConsoleFrame(output, options, write, () => {
    endRow();
    const details = noteworthy.map((r) => scenarioLine(r, colors) + scenarioDetails(r, colors));
    if (details.length > 0) write(`\n${details.join('')}`);
  });
  return {
    name: 'dot',
    ...frame.events,
    onScenarioStart({ id, name }) {
      running.start(id, name);
      redraw();
    },
    onScenarioEnd(result) {
      running.end(result.id);
      if (result.status === 'failed' || result.flaky) noteworthy.push(result);
      const dot = mark(result);
      row += dot;
      rowLength += 1;
      if (!tty) write(dot);
      if (rowLength === dotsPerRow) endRow();
      else redraw();
    },
  };
}
