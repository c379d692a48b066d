import type { SupplierConfig } from './supplier-config.ts';

/**
 * Whether `uri` is NOX's return page (`<auth origin>/ui/supplier-return`): the only redirect_uri the OAuth
 * page sends a browser to, so that the page cannot be used to bounce users to any site (open redirect).
 */
export function isNoxReturnUri(config: SupplierConfig, uri: string | undefined): uri is string {
  if (!uri || !URL.canParse(uri)) return false;
  const url = new URL(uri);
  return url.origin === new URL(config.noxAuthUrl).origin && url.pathname === '/ui/supplier-return';
}
