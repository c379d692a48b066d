import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { nonJsonBodyError } from '../errors/error-answer.ts';

/** The largest JSON request body the mock reads (body-parser's json limit when the mock ran on Express). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The largest form a page takes, and its most fields (body-parser's urlencoded limits). */
export const MAX_FORM_BYTES = 100 * 1024;
export const MAX_FORM_FIELDS = 1000;

/** The content encodings body-parser inflates; null: the body is read as it is. */
const decoders: Record<string, null | (() => NodeJS.ReadWriteStream)> = {
  identity: null,
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** A body that cannot be read; `type` is body-parser's, the names its errors had (errors/error-answer.ts). */
class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    /** The limit a too large body passed, as its error names it. */
    readonly limit?: string,
  ) {
    super(message);
  }
}

export interface RequestBody {
  /** The parsed value; undefined when the request has no body (no Content-Length nor Transfer-Encoding). */
  body: unknown;
  /** The bytes of a JSON body as they came in (a form's are not kept). */
  raw: Buffer | undefined;
}

/**
 * Reads a request body. A body must be `application/json` in UTF-8 (an empty one is `{}`, a byte-order mark
 * is skipped); where `forms` is set (the hosted pages) an `application/x-www-form-urlencoded` one is read too,
 * and a body of any other type is left unread there, as a browser may send one. A gzip, deflate or br body
 * is inflated, and the limit applies to what it inflates to. A body that is too large is read to its end
 * (so the client gets its answer) and refused.
 */
export function readRequestBody(req: IncomingMessage, forms = false): Promise<RequestBody> {
  const { headers } = req;
  const length = headers['content-length'];
  if (length === undefined && headers['transfer-encoding'] === undefined)
    return Promise.resolve({ body: undefined, raw: undefined });
  const contentType = headers['content-type'];
  const [media = '', ...parameters] = (contentType ?? '').split(';');
  const mediaType = media.trim().toLowerCase();
  const form = forms && mediaType === 'application/x-www-form-urlencoded';
  if (mediaType !== 'application/json' && !form) {
    // An empty body of another type is no body; a page leaves any body it does not read unread.
    if (!forms && Number(length ?? 1) > 0) return Promise.reject(nonJsonBodyError(contentType));
    req.resume();
    return Promise.resolve({ body: undefined, raw: undefined });
  }
  const limit = form ? MAX_FORM_BYTES : MAX_BODY_BYTES;
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
    const tooLarge = () =>
      new BodyError(413, 'entity.too.large', 'request entity too large', form ? '100 KB' : '1 MB');
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) chunks.push(chunk);
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
      if (bytes > limit) return reject(tooLarge());
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const text = raw.toString('utf8').replace(/^\uFEFF/, '');
      if (form) return readForm(text, resolve, reject);
      if (text.length === 0) return resolve({ body: {}, raw });
      try {
        resolve({ body: JSON.parse(text), raw });
      } catch (error) {
        reject(new BodyError(400, 'entity.parse.failed', (error as Error).message));
      }
    });
  });
}

function readForm(text: string, resolve: (body: RequestBody) => void, reject: (error: BodyError) => void) {
  const fields = text === '' ? 0 : text.split('&').length;
  if (fields > MAX_FORM_FIELDS)
    return reject(new BodyError(413, 'parameters.too.many', 'too many parameters'));
  // A plain object, as Express's form parser gave (querystring's has no prototype).
  resolve({ body: { ...parseQuery(text, '&', '=', { maxKeys: MAX_FORM_FIELDS }) }, raw: undefined });
}
