import type { Response } from 'express';
import { type FailureOptions, failurePage } from '../pages/failure-page.ts';

/** Answers with the failure page (marker `nox-failed`, `data-error-code`). */
export function sendFailure(res: Response, status: number, options: FailureOptions): void {
  res.status(status).type('html').send(failurePage(options));
}
