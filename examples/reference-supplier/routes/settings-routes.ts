import { type Request, type Response, Router } from 'express';
import type { SettingsPatch } from '../nox-client.ts';
import { NoxRequestError } from '../nox-error.ts';
import { settingsPage } from '../pages/settings-page.ts';
import { shownSettingsOf } from '../settings-copy.ts';
import { formFromSettings, patchFromForm, readSettingsForm, type SettingsForm } from '../settings-form.ts';
import type { SupplierContext } from '../supplier-context.ts';
import { sendFailure } from './send-failure.ts';

/**
 * GET /settings shows the app's own copy of the heat pump's settings (read from NOX at link time, then
 * kept by its saves and NOX's webhooks); POST /settings PATCHes them at NOX, then updates the copy.
 */
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
    { customerId, noxUserId }: { customerId: string; noxUserId: string },
    page: { form?: SettingsForm; errors?: string[]; saved?: boolean } = {},
  ) => {
    const devices = await shownSettingsOf(ctx, customerId, noxUserId);
    if (!devices)
      return sendFailure(res, 502, {
        code: 'nox_unavailable',
        details: ['Your settings could not be read from NOX just now.'],
        customerId,
      });
    const first = devices[0];
    if (!first)
      return sendFailure(res, 409, {
        code: 'not_connected',
        customerId,
        details: ['NOX lists no heat pump for you.'],
      });
    res.status(page.errors ? 422 : 200).type('html');
    res.send(settingsPage({ customerId, devices, ...page, form: page.form ?? formFromSettings(first) }));
  };

  router.get('/settings', async (req, res) => {
    const who = connected(req, res);
    if (who) await show(res, who, { saved: req.query.saved === '1' });
  });

  router.post('/settings', async (req, res) => {
    const who = connected(req, res);
    if (!who) return;
    const form = readSettingsForm(req.body);
    const result = patchFromForm(who.noxUserId, form);
    if ('errors' in result) return show(res, who, { form, errors: result.errors });
    try {
      await ctx.nox.patchSettings(result.patch);
    } catch (error) {
      if (!(error instanceof NoxRequestError && error.status === 422)) throw error;
      // FLAW: hide-settings-errors tells the customer it saved what NOX refused.
      if (ctx.hasFlaw('hide-settings-errors')) return res.redirect(303, '/settings?saved=1');
      return show(res, who, { form, errors: error.messages });
    }
    applySavedPatch(ctx, who.customerId, result.patch);
    res.redirect(303, '/settings?saved=1');
  });
  return router;
}

/** What NOX accepted is now in force: the copy takes it (NOX sends no webhook for one's own change). */
function applySavedPatch(ctx: SupplierContext, customerId: string, patch: SettingsPatch): void {
  for (const device of ctx.store.settings.get(customerId) ?? []) {
    Object.assign(device.room, patch.room);
    Object.assign(device.dhw, patch.dhw);
    Object.assign(device.optimization_settings, patch.optimization_settings);
  }
}
