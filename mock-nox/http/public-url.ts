import type { Socket } from 'node:net';

/** What the origin is read from: an Express request or an MockRequest. */
export interface CalledRequest {
  app: { locals: { publicUrl?: string } };
  protocol: string;
  get(name: string): string | undefined;
  socket: Socket;
}

/**
 * The origin link_url and page links use: `--public-url` when set, else the origin the client called;
 * a Host header that is no valid host falls back to the address the request arrived on.
 */
export function publicUrlOf(req: CalledRequest): string {
  const configured: string | undefined = req.app.locals.publicUrl;
  if (configured) return configured;
  const called = `${req.protocol}://${req.get('host') ?? ''}`;
  if (URL.canParse(called) && new URL(called).host !== '') return called;
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort}`;
}
