import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What the receiver answered, or why nothing came; never thrown. */
export interface PostOutcome {
  status: number | null;
  headers: Record<string, string>;
  body: string;
  error: string | null;
}

/** Enough of the receiver's answer to show in the journal. */
const BODY_LIMIT = 16_384;

/**
 * POSTs `body` to exactly `url`: no redirect is followed (a 3xx is the answer), no connection is kept,
 * and the whole exchange is abandoned after `timeoutMs`. Resolves with the answer or the error.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const failed = (error: string): PostOutcome => ({ status: null, headers: {}, body: '', error });
    let req: ReturnType<typeof httpRequest>;
    try {
      const send = url.startsWith('https:') ? httpsRequest : httpRequest;
      req = send(url, {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' },
      });
    } catch (error) {
      return resolve(failed(`connection error: ${(error as Error).message}`));
    }
    const timer = setTimeout(() => {
      done(failed(`timeout: no answer within ${timeoutMs} ms`));
      req.destroy();
    }, timeoutMs);
    req.on('error', (error) => done(failed(`connection error: ${error.message}`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < BODY_LIMIT) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('error', (error) => done(failed(`connection error: ${error.message}`)));
      res.on('end', () =>
        done({
          status: res.statusCode ?? null,
          headers: Object.fromEntries(
            Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]),
          ),
          body: Buffer.concat(chunks).toString('utf8').slice(0, BODY_LIMIT),
          error: null,
        }),
      );
    });
    req.end(body);
  });
}
