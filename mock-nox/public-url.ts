import type { Request } from 'express';

/** The origin link_url and page links use: `--public-url` when set, else the origin the client called. */
export function publicUrlOf(req: Request): string {
  const configured: string | undefined = req.app.locals.publicUrl;
  return configured ?? `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}
