import { errors } from '../errors/error-templates.ts';
import type { MockRequest } from '../http/router.ts';

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The host name of a Host header or origin ("127.0.0.1", "[::1]"), or undefined when it is none. */
function hostnameOf(value: string): string | undefined {
  const url = URL.canParse(`http://${value}`) ? new URL(`http://${value}`) : undefined;
  return url?.hostname;
}

/** Loopback names and the configured public URL's host: the names the mock is reached by. */
export function isServedHost(host: string | undefined, publicUrl: string | undefined): boolean {
  if (!host) return false;
  const name = hostnameOf(host);
  if (name === undefined) return false;
  if (LOOPBACK_HOST.test(name)) return true;
  return publicUrl !== undefined && URL.canParse(publicUrl) && new URL(publicUrl).host === host.toLowerCase();
}

/**
 * Why a request to the control API comes from a web page the mock did not serve, or null. Browsers send
 * `Origin` and `Sec-Fetch-Site` on cross-site requests; a DNS-rebound page sends a foreign `Host`. Without
 * the admin token, the Host must be one the mock is reached by (a valid token is what rebinding lacks).
 */
export function browserRefusal(req: MockRequest, publicUrl: string | undefined, hasToken: boolean) {
  const host = req.get('host');
  if (!hasToken && !isServedHost(host, publicUrl)) return errors.controlHostRefused(host ?? '(none)');
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return errors.controlOriginRefused(site);
  const origin = req.get('origin');
  if (origin === undefined) return null;
  const sameOrigin = URL.canParse(origin) && new URL(origin).host === host?.toLowerCase();
  return sameOrigin ? null : errors.controlOriginRefused(origin);
}
