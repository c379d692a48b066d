// The limit: bare node:http doing what POST /v2/supplier/link-sessions must do at least (read and parse
// the JSON body, check the key and the two required strings, answer a fresh session as JSON), nothing more.
// Run: node --import tsx bench/targets/bare-http.ts <port>
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 0);

const server = createServer((req, res) => {
  const send = (status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method !== 'POST' || req.url !== '/v2/supplier/link-sessions')
    return send(404, { error: 'not found' });
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    text += chunk;
  });
  req.on('end', () => {
    if (req.headers['x-api-key'] !== 'api_key_123') return send(401, { error: 'invalid API key' });
    let body: { user_id?: unknown; redirect_url?: unknown };
    try {
      body = JSON.parse(text);
    } catch {
      return send(400, { error: 'the body is not JSON' });
    }
    if (typeof body.user_id !== 'string' || typeof body.redirect_url !== 'string')
      return send(400, { error: 'user_id and redirect_url are required strings' });
    const token = randomBytes(32).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    send(201, {
      link_url: `http://127.0.0.1:${port}/ui?token=${token}&language=nl`,
      link_token: token,
      supplier: 'Acme Energy',
      supplier_user_id: body.user_id,
      redirect_url: body.redirect_url,
      language: 'nl',
      brand: null,
      completed_at: null,
      created_at: now,
      expires_at: now + 600,
    });
  });
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
