import type { MockContext } from '../../domain/mock-context.ts';
import { userLevelSettings } from '../../domain/settings/settings-rules.ts';
import type { RouteHandler } from '../../http/router.ts';
import { sendPage } from '../kit/send-page.ts';
import { linkedNoxUserId } from './account-links.ts';
import type { SettingsValues } from './settings-form.ts';
import { renderSettingsPage } from './settings-page.ts';
import { signedInPass, webAppLanguage } from './web-app-request.ts';

/**
 * `GET /ui/app/settings`: the user's comfort settings, at user level (what every heat pump of the user
 * gets unless a party set device-level values), as the shared record holds them now.
 */
export function showSettings(ctx: MockContext): RouteHandler {
  return (req, res) => {
    const { pass, brand } = signedInPass(req.query.token, res);
    const language = webAppLanguage(req.query.language);
    const noxUserId = linkedNoxUserId(ctx, pass);
    const values = noxUserId ? currentValues(ctx, noxUserId) : null;
    sendPage(res, renderSettingsPage({ language, pass, brand, values, saved: req.query.saved === '1' }));
  };
}

export function currentValues(ctx: MockContext, noxUserId: string): SettingsValues {
  const { room, dhw, optimization_settings } = userLevelSettings(ctx, noxUserId);
  return {
    numbers: {
      preferred_temperature: String(room.preferred_temperature),
      room_lower: String(room.temperature_lower_bound),
      room_upper: String(room.temperature_upper_bound),
      dhw_lower: String(dhw.temperature_lower_bound),
      dhw_upper: String(dhw.temperature_upper_bound),
    },
    optimisations: { ...optimization_settings },
  };
}
