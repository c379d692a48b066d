import { createServer } from 'node:http';
import { html } from '../../common/html.ts';

export interface ManufacturerApp {
  /** The manufacturer's redirect_url: where NOX sends the browser at the end of a manufacturer-app link. */
  callbackUrl: string;
  stop(): Promise<void>;
}

/**
 * The manufacturer's app as far as a run needs it: a real HTTP server on loopback whose callback page
 * shows what NOX sent (the query), so the report's screenshot of the link's end is evidence. Any other
 * path answers 404.
 */
export function startManufacturerApp(): Promise<ManufacturerApp> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/callback') {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('Not found: the manufacturer app has /callback only');
      return;
    }
    const rows = [...url.searchParams].map(
      ([k, v]) => html`<tr><th>${k}</th><td><code>${v}</code></td></tr>`,
    );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      String(html`<!doctype html><title>Manufacturer app</title>
<h1>Back in the manufacturer's app</h1>
<p>NOX sent:</p>
<table id="nox-sent">${rows}</table>`),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        callbackUrl: `http://127.0.0.1:${port}/callback`,
        // The browser keeps its connection open: close it, or close() would wait for it.
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
