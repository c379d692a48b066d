import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook request as the receiver got it: the raw body is what the signature covers. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** How the receiver answers one request: a status, a redirect, or no answer at all (a timeout). */
export type Answer = number | 'hang' | { redirect: string };

/**
 * A real HTTP webhook receiver on 127.0.0.1 (a free port) that records every request and answers
 * from `answers` in turn (200 once they are used up).
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const answers: Answer[] = [];
  const waiting: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, rawBody: Buffer.concat(chunks).toString() });
      for (const wake of waiting.splice(0)) wake();
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') return;
      if (typeof answer === 'object') return res.writeHead(302, { location: answer.redirect }).end();
      res.writeHead(answer, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    answers,
    /** The requests that reached `path`. */
    at: (path: string) => received.filter((r) => r.path === path),
    /** Resolves once `count` requests have arrived in all. */
    waitFor: async (count: number) => {
      while (received.length < count) await new Promise<void>((resolve) => waiting.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
