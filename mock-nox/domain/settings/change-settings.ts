import { errors } from '../../errors/error-templates.ts';
import type { Device, WebhookDelivery } from '../../store/schema.ts';
import type { MockContext } from '../mock-context.ts';
import { type Party, queueWebhooks } from '../webhooks/queue-webhooks.ts';
import { changedAttributes, type SettingChange, steeringChanges } from './setting-changes.ts';
import {
  applySettingsPatch,
  type EffectiveSettings,
  effectiveSettings,
  type SettingsPatch,
  userLevelSettings,
} from './settings-rules.ts';

export type { Party };

export interface SettingsChangeRequest {
  /** Who changes them; the surface has checked that this party sees the user (and the device). */
  by: Party;
  noxUserId: string;
  /** A heat pump of the user for a device-level change; null for the user level. */
  deviceId: string | null;
  changes: SettingsPatch;
}

export interface SettingsChangeResult {
  /** The settings in force of each of the user's heat pumps afterwards, as every party now reads them. */
  inForce: EffectiveSettings[];
  /** One per changed attribute (a field set to its current value is none). */
  events: SettingChange[];
  /** The webhook deliveries the events queued. */
  deliveries: WebhookDelivery[];
  /** For the response's x-nox-testkit-warning header (e.g. the legionella risk). */
  warnings: string[];
}

/**
 * The one way settings change, whoever changes them: the supplier's and the manufacturer's PATCH, the
 * deprecated thermal-settings POST and the user on NOX's web app. Applies the rules (flex_trading
 * exclusive, DHW bounds, any subset) to the shared record, then queues one webhook event per changed
 * attribute for the user's other parties. The caller commits the store.
 */
export function changeSettings(ctx: MockContext, request: SettingsChangeRequest): SettingsChangeResult {
  const { by, noxUserId, deviceId, changes } = request;
  const user = ctx.store.peek.noxUser(noxUserId);
  if (!user) throw errors.noxUserNotFound(noxUserId);
  const pumps = ctx.store.peek.devicesOf(user.id).filter((d) => d.asset_type === 'hp');
  if (deviceId !== null && !pumps.some((d) => d.device_id === deviceId))
    throw errors.deviceNotOfUser(deviceId, noxUserId);
  const now = ctx.clock.now(by === 'user' ? user.organisation_id : by.id);
  const level = () =>
    deviceId === null
      ? userLevelSettings(ctx, user.id)
      : effectiveSettings(ctx, pumps.find((d) => d.device_id === deviceId) as Device);
  const before = { level: level(), pumps: inForce(ctx, pumps) };
  const warnings = applySettingsPatch(ctx, user.id, deviceId, changes, now);
  const after = { level: level(), pumps: inForce(ctx, pumps) };
  const events = [
    ...changedAttributes(deviceId, before.level, after.level),
    ...steeringChanges(before.pumps, after.pumps),
  ];
  const deliveries = queueWebhooks(ctx, by, user, events, now);
  if (deliveries.length > 0) ctx.webhooks.queued();
  return { inForce: after.pumps, events, deliveries, warnings };
}

const inForce = (ctx: MockContext, pumps: Device[]) =>
  [...pumps].sort((a, b) => a.device_id.localeCompare(b.device_id)).map((d) => effectiveSettings(ctx, d));
