import { settingsCopyOf } from './settings-copy.ts';
import type { SupplierContext } from './supplier-context.ts';
import { settingOf, type WebhookEvent } from './webhook-event.ts';

/** Processing could not finish (NOX down while the copy was read): answer 5xx so NOX retries. */
export class WebhookProcessingError extends Error {
  override name = 'WebhookProcessingError';
}

/**
 * Acts on one verified, new delivery for a connected customer: a settings event changes the app's copy
 * of that setting (user level: every heat pump; device level: that one); other events need no action.
 */
export async function applyWebhookEvent(
  ctx: SupplierContext,
  customerId: string,
  noxUserId: string,
  event: WebhookEvent,
): Promise<void> {
  const setting = settingOf(event.type);
  if (!setting) return;
  // Without a copy yet, NOX's own read already has the change: reading it is applying it.
  const had = ctx.store.settings.has(customerId);
  const copy = await settingsCopyOf(ctx, customerId, noxUserId);
  if (!copy) throw new WebhookProcessingError('the settings could not be read from NOX');
  if (!had) return;
  for (const device of copy) {
    if (setting.level === 'device' && device.device_id !== event.metadata.device_id) continue;
    const group = (device as unknown as Record<string, Record<string, unknown> | undefined>)[setting.group];
    if (group) group[setting.field] = event.data.value;
  }
}
