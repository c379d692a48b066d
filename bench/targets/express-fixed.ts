// The framework's floor: plain Express 5 answering one fixed JSON on the route, no body parsing, no checks.
// Run: node --import tsx bench/targets/express-fixed.ts <port>
import express from 'express';

const port = Number(process.argv[2] ?? 0);
const fixed = {
  link_url: `http://127.0.0.1:${port}/ui?token=fixed&language=nl`,
  link_token: 'fixed',
  supplier: 'Acme Energy',
  supplier_user_id: 'bench',
  redirect_url: 'https://your-app.com/callback',
  language: 'nl',
  brand: null,
  completed_at: null,
  created_at: 0,
  expires_at: 600,
};

const app = express();
app.post('/v2/supplier/link-sessions', (_req, res) => {
  res.status(201).json(fixed);
});
const server = app.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
