import type { Response } from 'express';

/** Answers with a page; never cached, since each one belongs to one link session's state. */
export function sendPage(res: Response, page: string, status = 200): void {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(page);
}
