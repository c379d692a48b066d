import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { StepRecord } from '../report/run-result.ts';

/** Runs an action as a named step of the report; `shot` false for steps that change nothing on screen. */
export type Step = <T>(name: string, action: () => Promise<T>, shot?: boolean) => Promise<T>;

export interface StepRecorderOptions {
  scenarioId: string;
  page: Page;
  reportDir: string;
  /** Filled in as the steps run, so a scenario that throws still reports the steps up to the failure. */
  steps: StepRecord[];
}

/**
 * What the page shows, to tell whether a step changed it: address, scroll position, markup and the values
 * typed or ticked (which the markup does not hold). A string, evaluated as is: no transpiled helper gets in.
 */
const PAGE_STATE = `(() => [location.href, scrollX, scrollY, document.documentElement.outerHTML,
  ...Array.from(document.querySelectorAll('input, select, textarea'), (e) => e.value + '|' + e.checked)].join('\\n'))()`;

/**
 * The evidence of what the user saw: each step's outcome and duration, with a screenshot after it. A step
 * after which the page is as it was at the last screenshot points at that screenshot instead of taking the
 * same picture again (about a third of the catalogue's steps, each shot a large share of a step's CPU).
 */
export function createStepRecorder(options: StepRecorderOptions): Step {
  const { steps } = options;
  let last: { state: string; file: string } | undefined;
  return async (name, action, shot = true) => {
    const started = performance.now();
    const record: StepRecord = { name, status: 'failed', duration_ms: 0 };
    steps.push(record);
    try {
      const value = await action();
      record.status = 'passed';
      return value;
    } finally {
      record.duration_ms = Math.round(performance.now() - started);
      if (shot) {
        const state = await options.page.evaluate<string>(PAGE_STATE).catch(() => undefined);
        if (state !== undefined && state === last?.state) record.screenshot = last.file;
        else {
          record.screenshot = await screenshot(options, steps.length);
          last = state !== undefined && record.screenshot ? { state, file: record.screenshot } : undefined;
        }
      }
    }
  };
}

async function screenshot(options: StepRecorderOptions, n: number): Promise<string | undefined> {
  try {
    // JPEG: on a 2-core CI machine PNG encoding of every step was a large share of the run. The caret
    // stays as it is: hiding it costs a style injected into every frame, about a third of each shot.
    const file = join('screenshots', `${options.scenarioId}-${String(n).padStart(2, '0')}.jpg`);
    mkdirSync(join(options.reportDir, 'screenshots'), { recursive: true });
    writeFileSync(
      join(options.reportDir, file),
      await options.page.screenshot({ timeout: 3000, type: 'jpeg', quality: 70, caret: 'initial' }),
    );
    return file;
  } catch {
    return undefined;
  }
}
