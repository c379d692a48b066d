import { Router } from 'express';
import { loginPage } from '../pages/login-page.ts';
import type { SupplierContext } from '../supplier-context.ts';
import { queryValue } from './query-value.ts';

/** Printable, no surrounding blanks, at most 100 characters: a customer id the demo accepts. */
export const isCustomerId = (id: string) => /^[^\s\p{C}](?:[^\p{C}]{0,98}[^\s\p{C}])?$/u.test(id);

/** GET /login (the form, or `?user=<id>` logs in at once) and POST /logout. */
export function createLoginRoutes(ctx: SupplierContext): Router {
  const router = Router();
  router.get('/login', (req, res) => {
    const user = queryValue(req.query.user)?.trim();
    if (user === undefined || user === '') return void res.type('html').send(loginPage());
    if (!isCustomerId(user))
      return void res
        .status(400)
        .type('html')
        .send(loginPage('A customer id is 1 to 100 printable characters.'));
    ctx.sessions.logIn(res, user);
    res.redirect(303, '/');
  });
  router.post('/logout', (req, res) => {
    ctx.sessions.logOut(req, res);
    res.redirect(303, '/login');
  });
  return router;
}
