import type { MockContext } from '../../domain/mock-context.ts';
import { changeSettings } from '../../domain/settings/change-settings.ts';
import { NoxError } from '../../errors/nox-error.ts';
import type { RouteHandler } from '../../http/router.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { readForm } from '../kit/read-form.ts';
import { sendPage } from '../kit/send-page.ts';
import { fill } from '../kit/texts.ts';
import { linkedNoxUserId } from './account-links.ts';
import { readSettingsForm } from './settings-form.ts';
import { renderSettingsPage } from './settings-page.ts';
import { webAppPath } from './web-app-pass.ts';
import { signedInPass, webAppLanguage } from './web-app-request.ts';

/**
 * `POST /ui/app/settings`: writes the user's comfort settings through the one settings entry point, as
 * the user (so the supplier and the manufacturer get their webhooks); bad input is shown on the page.
 */
export function submitSettings(ctx: MockContext): RouteHandler {
  return async (req, res) => {
    const form = readForm(req.body);
    const { pass, brand } = signedInPass(form.token, res);
    const language = webAppLanguage(form.language);
    const t = appTextsFor(language);
    const noxUserId = linkedNoxUserId(ctx, pass);
    if (!noxUserId) return sendPage(res, renderSettingsPage({ language, pass, brand, values: null }), 409);
    const { values, change, problems } = readSettingsForm(req.body, t);
    const again = (list: string[]) =>
      sendPage(res, renderSettingsPage({ language, pass, brand, values, problems: list }), 400);
    if (!change) return again(problems);
    try {
      changeSettings(ctx, { by: 'user', noxUserId, deviceId: null, changes: change });
    } catch (error) {
      // A rule the page does not check itself (e.g. a heat pump's own device-level DHW bounds).
      if (error instanceof NoxError && error.status < 500)
        return again([fill(t.settingsRefused, { reason: error.message })]);
      throw error;
    }
    await ctx.store.commit();
    res.redirect(303, `${webAppPath('settings', pass, language)}&saved=1`);
  };
}
