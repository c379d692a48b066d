import type { MockResponse } from '../../http/router.ts';

/** Answers with a page; never cached, since each one belongs to one link session's state. */
export function sendPage(res: MockResponse, page: string, status = 200): void {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(page);
}
