/** A bare loopback origin, optionally with port `*`: allows every path on it (http and https only). */
const LOOPBACK_ENTRY = /^(https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]))(?::(\*|\d+))?\/?$/;

/** Schemes a browser runs or reads locally instead of sending the user to an app. */
const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'file:', 'blob:', 'vbscript:', 'about:']);

function parsed(url: string): URL | undefined {
  return URL.canParse(url) ? new URL(url) : undefined;
}

/** Userinfo (`https://your-app.com@evil.example/`) hides the real host from a reader: never allowed. */
export function hasUserinfo(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/**
 * An allow-list entry: a loopback origin (port or `*`), or an absolute URL with a host (an app scheme such as
 * `com.example.app://oauth/callback` too) and no userinfo, fragment or script/data/file scheme.
 */
export function isRedirectEntry(entry: string): boolean {
  if (LOOPBACK_ENTRY.test(entry)) return true;
  const url = parsed(entry);
  if (!url || UNSAFE_SCHEMES.has(url.protocol.toLowerCase())) return false;
  return url.host !== '' && !hasUserinfo(url) && !entry.includes('#');
}

/**
 * Exact match on scheme, host, port and path for every scheme (the query string is kept but not compared;
 * `URL.origin` is "null" for app schemes, so it is not used); a loopback-origin entry allows any path on it.
 */
export function isRedirectAllowedBy(entries: readonly string[], url: string): boolean {
  const target = parsed(url);
  if (!target || hasUserinfo(target) || UNSAFE_SCHEMES.has(target.protocol)) return false;
  return entries.some((entry) => {
    const wildcard = LOOPBACK_ENTRY.exec(entry);
    if (wildcard) {
      const [, origin, port] = wildcard;
      const sameHost = `${target.protocol}//${target.hostname}` === origin;
      return sameHost && (port === '*' || target.port === (port ?? ''));
    }
    const allowed = parsed(entry);
    return (
      allowed !== undefined &&
      allowed.protocol === target.protocol &&
      allowed.host === target.host &&
      allowed.pathname === target.pathname
    );
  });
}
