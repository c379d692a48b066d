import { errors } from '../errors/error-templates.ts';
import type { MockRequest, MockResponse } from '../http/router.ts';
import { browserRefusal } from './control-origin.ts';

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));
}

/** With an admin token every client must send it (a proxy on the same host makes everyone loopback); else loopback only. */
export function isControlAllowed(
  remoteAddress: string | undefined,
  authorization: string | undefined,
  adminToken?: string,
) {
  if (adminToken !== undefined) return authorization === `Bearer ${adminToken}`;
  return isLoopback(remoteAddress);
}

export interface ControlAccessOptions {
  adminToken?: string;
  /** The configured --public-url: its host is accepted as well as the loopback names. */
  publicUrl?: string;
  /** Set when the mock listens beyond loopback without an admin token: the control API is shut. */
  closed?: boolean;
}

/**
 * Why this request may not use the control API, or null when it may: shut, a client beyond loopback without
 * the admin token, or a request from a web page the mock did not serve (control-origin.ts).
 */
export function controlRefusal(
  req: MockRequest,
  res: MockResponse,
  { adminToken, publicUrl, closed }: ControlAccessOptions = {},
) {
  if (closed) return errors.controlClosed();
  if (!isControlAllowed(req.socket.remoteAddress, req.get('authorization'), adminToken)) {
    if (adminToken === undefined) return errors.controlForbidden();
    // The challenge tells a client (the dashboard) that a token would open it, not that it is shut.
    res.set('WWW-Authenticate', 'Bearer realm="nox-testkit control API"');
    return errors.controlTokenRequired();
  }
  return browserRefusal(req, publicUrl, adminToken !== undefined);
}
