/** The fields of a NOX webhook body this app uses (README "Webhooks": NOX's shape and key order). */
export interface WebhookEvent {
  type: string;
  id: string;
  data: { value: unknown; previous_value: unknown };
  metadata: { device_id: string | null; user_id: string; external_user_id: string | null };
}

/** The body parsed and checked, or what is wrong with it. */
export function parseWebhookEvent(raw: string): WebhookEvent | { problem: string } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { problem: 'the body is not JSON' };
  }
  const { type, id, data, metadata } = (body ?? {}) as Partial<Record<keyof WebhookEvent, unknown>>;
  if (typeof type !== 'string' || typeof id !== 'string')
    return { problem: 'the body lacks a string type and id' };
  if (typeof data !== 'object' || data === null || !('value' in data))
    return { problem: 'the body lacks data.value' };
  if (typeof metadata !== 'object' || metadata === null) return { problem: 'the body lacks metadata' };
  return { type, id, data, metadata } as WebhookEvent;
}

/** `user.settings.room.preferred_temperature.updated` → the level, group and field it changed; else null. */
export function settingOf(type: string): { level: 'user' | 'device'; group: string; field: string } | null {
  const match = /^(user|device)\.settings\.([a-z_]+)\.([a-z_]+)\.updated$/.exec(type);
  if (!match) return null;
  const [, level, group, field] = match as unknown as [string, 'user' | 'device', string, string];
  return { level, group, field };
}
