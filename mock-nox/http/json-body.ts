import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { nonJsonBodyError } from '../errors/error-middleware.ts';

/** The largest request body the APIs read, as express.json's limit on the other surfaces. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The content encodings body-parser inflates; null: the body is read as it is. */
const decoders: Record<string, null | (() => NodeJS.ReadWriteStream)> = {
  identity: null,
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** A body that cannot be read; `type` is body-parser's, so one error mapping serves both readers. */
class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export interface JsonBody {
  /** The parsed value; undefined when the request has no body (no Content-Length nor Transfer-Encoding). */
  body: unknown;
  /** The bytes as they came in. */
  raw: Buffer | undefined;
}

/**
 * Reads a JSON request body as express.json({ strict: false, limit: '1mb' }) and rejectNonJsonBodies do
 * together: a body must be `application/json` in UTF-8, an empty one is `{}`, a byte-order mark is
 * skipped. A body that is too large is read to its end (so the client gets its answer) and refused.
 */
export function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  const { headers } = req;
  const length = headers['content-length'];
  if (length === undefined && headers['transfer-encoding'] === undefined)
    return Promise.resolve({ body: undefined, raw: undefined });
  const contentType = headers['content-type'];
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') {
    // An empty body of another type is no body (express.json would leave it unread).
    if (Number(length ?? 1) > 0) return Promise.reject(nonJsonBodyError(contentType));
    req.resume();
    return Promise.resolve({ body: undefined, raw: undefined });
  }
  const charset = parameters
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return Promise.reject(
      new BodyError(415, 'charset.unsupported', `unsupported charset "${charset.toUpperCase()}"`),
    );
  const encoding = (headers['content-encoding'] ?? 'identity').toLowerCase();
  const decoder = Object.hasOwn(decoders, encoding) ? decoders[encoding] : undefined;
  if (decoder === undefined)
    return Promise.reject(
      new BodyError(415, 'encoding.unsupported', `unsupported content encoding "${encoding}"`),
    );
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    // As body-parser: a compressed body is inflated, and the limit applies to what it inflates to.
    const stream = decoder === null ? req : req.pipe(decoder());
    if (stream !== req) {
      req.on('error', reject);
      stream.on('error', () => {
        req.resume();
        reject(new BodyError(400, 'entity.parse.failed', `the body is not valid ${encoding}`));
      });
    }
    const tooLarge = () => new BodyError(413, 'entity.too.large', 'request entity too large');
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (stream !== req) {
        // Inflated past the limit: stop inflating, read the rest of the request to its end, refuse it.
        req.unpipe();
        (stream as unknown as { destroy(): void }).destroy();
        if (req.readableEnded) reject(tooLarge());
        else {
          req.resume();
          req.once('end', () => reject(tooLarge()));
          req.once('close', () => reject(tooLarge()));
        }
      }
    });
    stream.on('error', reject);
    stream.on('end', () => {
      if (bytes > MAX_BODY_BYTES) return reject(tooLarge());
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const text = raw.toString('utf8').replace(/^\uFEFF/, '');
      if (text.length === 0) return resolve({ body: {}, raw });
      try {
        resolve({ body: JSON.parse(text), raw });
      } catch (error) {
        reject(new BodyError(400, 'entity.parse.failed', (error as Error).message));
      }
    });
  });
}
