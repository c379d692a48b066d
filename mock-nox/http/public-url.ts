import type { Request } from 'express';

/**
 * The origin link_url and page links use: `--public-url` when set, else the origin the client called;
 * a Host header that is no valid host falls back to the address the request arrived on.
 */
export function publicUrlOf(req: Request): string {
  const configured: string | undefined = req.app.locals.publicUrl;
  if (configured) return configured;
  const called = `${req.protocol}://${req.get('host') ?? ''}`;
  if (URL.canParse(called) && new URL(called).host !== '') return called;
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort}`;
}
