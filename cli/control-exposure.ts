const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Listening beyond loopback without an admin token would hand the control API to the network: it is shut. */
export function isControlClosed(host: string, adminToken: string | undefined): boolean {
  return adminToken === undefined && !LOOPBACK_HOSTS.test(host);
}

/** The banner's control API line: where it is, and what it needs. */
export function controlApiLine(url: string, host: string, adminToken: string | undefined): string {
  if (isControlClosed(host, adminToken))
    return `Control API         shut: listening on ${host} needs --admin-token TOKEN (then send "Authorization: Bearer TOKEN")`;
  const what = `${url}/__nox  (health, reset, organisations, clock, policies, journal)`;
  return adminToken === undefined
    ? `Control API         ${what}, loopback only`
    : `Control API         ${what}, send "Authorization: Bearer <your --admin-token>"`;
}

/** The banner's dashboard line: the control API's client in the browser, open exactly when that API is. */
export function dashboardLine(url: string, host: string, adminToken: string | undefined): string {
  if (isControlClosed(host, adminToken)) return 'Dashboard           shut with the control API';
  const token = adminToken === undefined ? '' : ' (asks for the admin token once per tab)';
  return `Dashboard           ${url}/__nox/ui  (journal, sessions, clock, policies, faults, webhooks)${token}`;
}
