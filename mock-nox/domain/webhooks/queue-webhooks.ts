import type { NoxUser, Organisation, WebhookDelivery } from '../../store/schema.ts';
import { findBrand } from '../brands.ts';
import type { MockContext } from '../mock-context.ts';
import { policiesOf } from '../organisations.ts';
import type { SettingChange } from '../settings/setting-changes.ts';
import { devicesOf, partiesOf, type UserParty } from './parties.ts';

/** Who made a settings change: a supplier or manufacturer (by its key), or the user on NOX's web app. */
export type Party = Organisation | 'user';

type WebhookEvent = WebhookDelivery['event'];

/**
 * One event per changed attribute, delivered to every party of the user that has a webhook_url and
 * subscribed to its type; not to the party that made the change unless its webhook_echo_own_changes
 * policy is on (the user is no party). Returns the deliveries queued, not yet attempted.
 */
export function queueWebhooks(
  ctx: MockContext,
  by: Party,
  user: NoxUser,
  changes: SettingChange[],
  at: number,
): WebhookDelivery[] {
  const receivers = partiesOf(ctx, user).filter(
    ({ organisation }) =>
      organisation.webhook_url !== null &&
      (by === 'user' || organisation.id !== by.id || policiesOf(ctx, by).webhook_echo_own_changes),
  );
  if (receivers.length === 0) return [];
  const supplier = partiesOf(ctx, user).find((p) => p.organisation.kind === 'supplier');
  const queued: WebhookDelivery[] = [];
  for (const change of changes) {
    const id = ctx.ids.eventId();
    for (const receiver of receivers.filter((r) => subscribes(r.organisation, change.type))) {
      const event = eventBody(ctx, id, change, at, user, receiver, supplier?.organisation.name ?? null);
      const now = ctx.clock.now(receiver.organisation.id);
      queued.push({
        id: ctx.ids.deliveryId(),
        organisation_id: receiver.organisation.id,
        url: receiver.organisation.webhook_url as string,
        webhook_id: `${id}:${change.type}`,
        event,
        status: 'pending',
        attempts: [],
        next_attempt_at: now,
        created_at: now,
      });
    }
  }
  ctx.store.data.webhook_deliveries.push(...queued);
  return queued;
}

const subscribes = (org: Organisation, type: string) =>
  org.webhook_events === null || org.webhook_events.includes(type);

/** NOX's body, keys in its order: type, timestamp, id, data {value, previous_value}, metadata. */
function eventBody(
  ctx: MockContext,
  id: string,
  change: SettingChange,
  at: number,
  user: NoxUser,
  receiver: UserParty,
  energySupplier: string | null,
): WebhookEvent {
  return {
    type: change.type,
    timestamp: new Date(at * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    id,
    data: { value: change.value, previous_value: change.previous_value },
    metadata: {
      device_id: change.device_id,
      user_id: user.id,
      external_user_id: receiver.externalUserId,
      brand: brandOf(ctx, user, change.device_id, receiver.organisation),
      energy_supplier: energySupplier,
    },
  } as WebhookEvent;
}

/**
 * The manufacturer's name of the device (its brand's display name); for a user-level setting, of the
 * user's first heat pump (one the receiver makes, for a manufacturer), else the receiver's own name.
 */
function brandOf(ctx: MockContext, user: NoxUser, deviceId: string | null, receiver: Organisation): string {
  const devices = devicesOf(ctx, user.id);
  const device =
    devices.find((d) => d.device_id === deviceId) ??
    (receiver.kind === 'manufacturer' ? devices.find((d) => receiver.brands.includes(d.brand)) : undefined) ??
    devices[0];
  if (!device) return receiver.kind === 'manufacturer' ? receiver.name : '';
  return findBrand(device.brand)?.name ?? device.brand;
}
