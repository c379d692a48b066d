import { type Request, type Response, Router } from 'express';
import { NoxRequestError } from '../nox-error.ts';
import { settingsPage } from '../pages/settings-page.ts';
import { formFromSettings, patchFromForm, readSettingsForm, type SettingsForm } from '../settings-form.ts';
import type { SupplierContext } from '../supplier-context.ts';
import { sendFailure } from './send-failure.ts';

/** GET /settings shows the heat pump's settings as NOX holds them; POST /settings PATCHes them. */
export function createSettingsRoutes(ctx: SupplierContext): Router {
  const router = Router();

  /** The connected customer and their NOX user id, or the answer already sent. */
  const connected = (req: Request, res: Response) => {
    const customerId = ctx.sessions.customerOf(req);
    if (!customerId) return void res.redirect(303, '/login');
    const connection = ctx.store.connections.get(customerId);
    if (!connection) return void sendFailure(res, 409, { code: 'not_connected', customerId });
    return { customerId, noxUserId: connection.nox_user_id };
  };

  const show = async (
    res: Response,
    customerId: string,
    noxUserId: string,
    form?: SettingsForm,
    errors?: string[],
    saved?: boolean,
  ) => {
    const devices = await ctx.nox.getSettings(noxUserId);
    const first = devices[0];
    if (!first)
      return sendFailure(res, 409, {
        code: 'not_connected',
        customerId,
        details: ['NOX lists no heat pump for you.'],
      });
    res.status(errors ? 422 : 200).type('html');
    res.send(settingsPage({ customerId, devices, form: form ?? formFromSettings(first), errors, saved }));
  };

  router.get('/settings', async (req, res) => {
    const who = connected(req, res);
    if (who) await show(res, who.customerId, who.noxUserId, undefined, undefined, req.query.saved === '1');
  });

  router.post('/settings', async (req, res) => {
    const who = connected(req, res);
    if (!who) return;
    const form = readSettingsForm(req.body);
    const result = patchFromForm(who.noxUserId, form);
    if ('errors' in result) return show(res, who.customerId, who.noxUserId, form, result.errors);
    try {
      await ctx.nox.patchSettings(result.patch);
    } catch (error) {
      if (!(error instanceof NoxRequestError && error.status === 422)) throw error;
      return show(res, who.customerId, who.noxUserId, form, error.messages);
    }
    res.redirect(303, '/settings?saved=1');
  });
  return router;
}
