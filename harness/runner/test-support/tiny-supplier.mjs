// A stand-in supplier app for the runner's own tests: answers /health, writes its pid where
// TINY_SUPPLIER_PID_FILE says (so a test can check it was stopped), shows a connected marker, and tells its
// NOX_AUTH_URL at /nox-auth-url. Asked to, it fails to start in one of three ways: exits
// (TINY_SUPPLIER_FAIL_START), answers /health with 500 (TINY_SUPPLIER_HEALTH_500) or never listens
// (TINY_SUPPLIER_NO_LISTEN).
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

if (process.env.TINY_SUPPLIER_PID_FILE)
  writeFileSync(process.env.TINY_SUPPLIER_PID_FILE, String(process.pid));
if (process.env.TINY_SUPPLIER_FAIL_START) {
  console.error('tiny supplier: refusing to start, as asked');
  process.exit(3);
}
if (process.env.TINY_SUPPLIER_NO_LISTEN) {
  console.log('tiny supplier: running, but listening nowhere, as asked');
  setInterval(() => undefined, 1000);
} else
  createServer((req, res) => {
    // What the app was told NOX's auth URL is, for a test comparing it with the URLs NOX hands out.
    if (req.url === '/nox-auth-url') return void res.end(process.env.NOX_AUTH_URL ?? '');
    res.setHeader('content-type', 'text/html');
    if (req.url === '/health' && process.env.TINY_SUPPLIER_HEALTH_500) {
      res.statusCode = 500;
      res.end('database not migrated yet');
      return;
    }
    res.end(
      req.url === '/health'
        ? 'ok'
        : `<p data-testid="connected">key ${process.env.NOX_API_KEY ? 'set' : 'missing'}</p>`,
    );
  }).listen(Number(process.env.PORT), '127.0.0.1');
