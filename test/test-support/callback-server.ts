import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../../common/html.ts';

/** A stand-in supplier callback on 127.0.0.1: answers every path with a page listing the query. */
export async function startCallbackServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://callback').searchParams;
    const rows = [...query].map(([k, v]) => `<li><b>${escapeHtml(k)}</b>: ${escapeHtml(v)}</li>`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Supplier callback</title><h1>Supplier callback</h1><ul>${rows}</ul>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
