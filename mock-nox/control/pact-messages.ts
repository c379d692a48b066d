import type { operations } from '../../openapi/generated/nox-control.ts';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { changeSettings } from '../domain/settings/change-settings.ts';
import type { SettingsPatch } from '../domain/settings/settings-rules.ts';
import { errors } from '../errors/error-templates.ts';
import { createPropertyFilter } from '../http/known-properties.ts';
import type { JsonBody } from '../http/operation-types.ts';
import { webhookRequest } from '../outbound/webhook-sender.ts';
import { TextAnswer } from './control-route.ts';
import { createProviderStates, providerStates } from './provider-states.ts';

const dataSpec = loadOpenApi('nox-data');
const dataProperties = createPropertyFilter('nox-data');
const PACT_USER = '550e8400-e29b-41d4-a716-446655440000';
type MessageRequest = JsonBody<operations['producePactMessage']>;
type Value = boolean | number | string | null;

/** Where the supplier of a pact message gets its webhooks: nothing is sent there (see below). */
const PACT_WEBHOOK_URL = 'http://127.0.0.1:9/pact-webhooks';

/**
 * POST /__nox/pact-messages: the message producer of Pact's message verification (pact-js, and
 * `pact verifier --transports message:<port>/__nox/pact-messages`). Sets up the message's provider
 * states on fresh data, makes the change as the user on NOX's web app, and answers the body and
 * X-Webhook-* headers (as `Pact-Message-Metadata`) the webhook sender would send to the supplier.
 */
export function producePactMessage(ctx: MockContext, request: MessageRequest): TextAnswer {
  const { description, providerStates: given = [] } = request;
  const states = createProviderStates(ctx);
  const values: Record<string, string> = {};
  const change = given.find((s) => s.name === providerStates.settingsChange);
  if (!change) throw errors.pactMessageUnknown(description, providerStates.settingsChange);
  for (const state of given) Object.assign(values, states.change(state.name, state.params ?? {}));
  const supplier = states.supplier();
  supplier.webhook_url ??= PACT_WEBHOOK_URL;
  const params = (change.params ?? {}) as Record<string, Value>;
  const eventType = String(params.event_type);
  const made = (value: Value) => {
    const result = changeSettings(ctx, {
      by: 'user',
      noxUserId: values.nox_user_id ?? '',
      ...patchOf(eventType, value, values.device_id),
    });
    // The verifier asked for the message, not for a delivery: none is attempted.
    ctx.store.remove('webhook_deliveries', result.deliveries);
    return result.deliveries;
  };
  if (params.previous_value !== null && params.previous_value !== undefined) made(params.previous_value);
  const delivery = made(params.value ?? null).find(
    (d) => d.organisation_id === supplier.id && d.event.type === eventType,
  );
  if (!delivery) throw errors.pactMessageNoEvent(eventType);
  const { body, headers } = webhookRequest(ctx, supplier, delivery, ctx.clock.now(supplier.id));
  const metadata = { contentType: 'application/json', ...headers };
  return new TextAnswer(body, 'application/json', {
    'Pact-Message-Metadata': Buffer.from(JSON.stringify(metadata)).toString('base64'),
  });
}

/** The user's change that makes an event of the type: `{user|device}.settings.{group}.{field}.updated`, or steering. */
function patchOf(eventType: string, value: Value, deviceId = '') {
  if (eventType === 'device.steerable_status.being_steered.updated')
    return { deviceId, changes: { optimization_settings: { flex_trading: value } } as SettingsPatch };
  const match = /^(user|device)\.settings\.(\w+)\.(\w+)\.updated$/.exec(eventType);
  if (!match) throw errors.pactMessageNoEvent(eventType, 'the event type names no setting');
  const [, scope, group, field] = match as unknown as [string, string, string, string];
  const patch = { deviceId: scope === 'device' ? deviceId : null, changes: { [group]: { [field]: value } } };
  // Checked against the data API's settings PATCH, which names every setting there is.
  const body = { user_id: PACT_USER, ...(patch.deviceId && { device_id: patch.deviceId }), ...patch.changes };
  const path = '/v1/devices/settings';
  const unknown = dataProperties.list('PATCH', path, body);
  if (unknown.length > 0) throw errors.pactMessageNoEvent(eventType, `${group} has no setting ${field}`);
  const issues = dataSpec.validateRequest({ method: 'PATCH', path, query: {}, body });
  if (issues?.length) throw errors.pactMessageNoEvent(eventType, issues.map((i) => i.msg).join('; '));
  return patch as { deviceId: string | null; changes: SettingsPatch };
}
