import { createRouter, type MockResponse, type Router } from '../../http/router.ts';
import { dashboardPage } from './dashboard-page.ts';
import { dashboardScript } from './dashboard-script.ts';
import { dashboardStyle } from './dashboard-style.ts';

/**
 * Who may load the dashboard's files: only the mock itself, never inside another site's frame (a framed
 * dashboard would be same-origin to the control API, so a click-jacking page could drive it), and no
 * network beyond the mock (it works offline: no CDN).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function send(res: MockResponse, type: string, body: string): void {
  res
    .status(200)
    .set({
      'Cache-Control': 'no-store',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    })
    .type(type)
    .send(body);
}

/**
 * The developers' dashboard at /__nox/ui: a page, its style and its script, holding no data. The script is
 * a client of the control API and nothing else, so the dashboard is exactly as protected as that API.
 */
export function createDashboardRoutes(): Router {
  const router = createRouter();
  router.get(['/__nox/ui', '/__nox/ui/'], (_req, res) => send(res, 'html', dashboardPage()));
  router.get('/__nox/ui/dashboard.css', (_req, res) => send(res, 'css', dashboardStyle));
  router.get('/__nox/ui/dashboard.js', (_req, res) => send(res, 'js', dashboardScript));
  return router;
}
