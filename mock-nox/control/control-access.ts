import type { NextFunction, Request, Response } from 'express';
import { errors } from '../errors/error-templates.ts';

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));
}

/** Loopback clients always reach the control API; others only with the configured admin token. */
export function isControlAllowed(
  remoteAddress: string | undefined,
  authorization: string | undefined,
  adminToken?: string,
) {
  if (isLoopback(remoteAddress)) return true;
  return adminToken !== undefined && authorization === `Bearer ${adminToken}`;
}

export function controlAccess(adminToken?: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (isControlAllowed(req.socket.remoteAddress, req.get('authorization'), adminToken)) next();
    else next(errors.controlForbidden());
  };
}
