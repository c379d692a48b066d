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

/** The evidence of what the user saw: each step's outcome and duration, with a screenshot after it. */
export function createStepRecorder(options: StepRecorderOptions): Step {
  const { steps } = options;
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
      if (shot) record.screenshot = await screenshot(options, steps.length);
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
