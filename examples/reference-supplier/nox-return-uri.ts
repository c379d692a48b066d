import type { SupplierConfig } from './supplier-config.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin, with any loopback name as one: a local NOX (the mock) may be reached by the app as
 * localhost and by the browser as 127.0.0.1, and both are the same NOX on this machine.
 */
const originOf = (url: URL) =>
  `${url.protocol}//${LOOPBACK.has(url.hostname) ? 'loopback' : url.hostname}:${url.port}`;

/**
 * Whether `uri` is NOX's return page (`<auth origin>/ui/supplier-return`): the only redirect_uri the OAuth
 * page sends a browser to, so that the page cannot be used to bounce users to any site (open redirect).
 */
export function isNoxReturnUri(config: SupplierConfig, uri: string | undefined): uri is string {
  if (!uri || !URL.canParse(uri)) return false;
  const url = new URL(uri);
  return originOf(url) === originOf(new URL(config.noxAuthUrl)) && url.pathname === '/ui/supplier-return';
}
