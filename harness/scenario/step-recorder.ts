import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { StepRecord } from '../report/run-result.ts';

/** Runs an action as a named step of the report; `shot` false for steps that change nothing on screen. */
export type Step = <T>(name: string, action: () => Promise<T>, shot?: boolean) => Promise<T>;

export interface StepRecorderOptions {
  scenarioId: string;
  page: Page;
  reportDir: string;
  /** Filled in as the steps run, so a scenario that throws still reports the steps up to the failure. */
  steps: StepRecord[];
  /** The context is being traced: each step is a group of the trace, named as in the report. */
  traced?: boolean;
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
    const tracing = options.traced ? options.page.context().tracing : undefined;
    await tracing?.group(name).catch(() => undefined);
    try {
      const value = await action();
      record.status = 'passed';
      return value;
    } finally {
      record.duration_ms = Math.round(performance.now() - started);
      await tracing?.groupEnd().catch(() => undefined);
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
    // JPEG: on a 2-core CI machine PNG encoding of every step was a large share of the run. Chromium's own
    // capture, not page.screenshot(): that one prepares every frame first (about 40% more CPU per shot).
    const file = join('screenshots', `${options.scenarioId}-${String(n).padStart(2, '0')}.jpg`);
    mkdirSync(join(options.reportDir, 'screenshots'), { recursive: true });
    writeFileSync(join(options.reportDir, file), await capture(options.page));
    return file;
  } catch {
    return undefined;
  }
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** The viewport as JPEG through the page's DevTools session (one per page, opened on its first shot). */
async function capture(page: Page): Promise<Buffer> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
    // A session that could not open is not kept: the next shot tries again.
    session.catch(() => sessions.delete(page));
  }
  const shot = (await session).send('Page.captureScreenshot', { format: 'jpeg', quality: 70 });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the screenshot took longer than 3 s')), 3000);
  });
  const { data } = await Promise.race([shot, timeout]).finally(() => clearTimeout(timer));
  return Buffer.from(data, 'base64');
}
