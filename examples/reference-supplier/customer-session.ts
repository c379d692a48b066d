import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { SupplierStore } from './supplier-store.ts';

const COOKIE = 'reference_supplier_session';

/** The value of one cookie from the Cookie header (this app sets only its own). */
function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export type CustomerSessions = ReturnType<typeof createCustomerSessions>;

/**
 * Logged-in customers: an opaque random id in an httpOnly cookie, mapped to the customer server-side.
 * SameSite=Lax, so the cookie comes along on NOX's top-level redirect back to the callback.
 */
export function createCustomerSessions(store: SupplierStore) {
  return {
    customerOf(req: Request): string | null {
      const id = readCookie(req, COOKIE);
      return (id && store.sessions.get(id)) || null;
    },
    logIn(res: Response, customerId: string): void {
      const id = randomBytes(24).toString('base64url');
      store.sessions.set(id, customerId);
      store.customers.add(customerId);
      store.lastLoggedIn = customerId;
      res.cookie(COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/' });
    },
    logOut(req: Request, res: Response): void {
      const id = readCookie(req, COOKIE);
      if (id) store.sessions.delete(id);
      res.clearCookie(COOKIE, { path: '/' });
    },
  };
}
