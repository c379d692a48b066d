import type { DeviceSettings } from './nox-client.ts';
import { NoxRequestError } from './nox-error.ts';
import type { SupplierContext } from './supplier-context.ts';

/**
 * Reads the customer's heat-pump settings from NOX into the app's own copy (what its pages show); null,
 * leaving the copy as it was, when NOX cannot answer now.
 */
export async function loadSettingsCopy(
  ctx: SupplierContext,
  customerId: string,
  noxUserId: string,
): Promise<DeviceSettings[] | null> {
  try {
    const settings = await ctx.nox.getSettings(noxUserId);
    ctx.store.settings.set(customerId, settings);
    ctx.store.settingsAtLink.set(customerId, structuredClone(settings));
    return settings;
  } catch (error) {
    if (error instanceof NoxRequestError) return null;
    throw error;
  }
}

/** The copy, read from NOX first when the app has none yet (a failed read at link time, an old link). */
export async function settingsCopyOf(
  ctx: SupplierContext,
  customerId: string,
  noxUserId: string,
): Promise<DeviceSettings[] | null> {
  return ctx.store.settings.get(customerId) ?? (await loadSettingsCopy(ctx, customerId, noxUserId));
}

/** What the settings page shows: the copy (webhooks and saves keep it up to date). */
export async function shownSettingsOf(
  ctx: SupplierContext,
  customerId: string,
  noxUserId: string,
): Promise<DeviceSettings[] | null> {
  // FLAW: stale-settings-page shows the settings as read at link time, whatever came since.
  if (ctx.hasFlaw('stale-settings-page')) {
    const atLink = ctx.store.settingsAtLink.get(customerId);
    if (atLink) return atLink;
  }
  return settingsCopyOf(ctx, customerId, noxUserId);
}
