import { createHmac } from 'node:crypto';
import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { createTestMock } from '../../test/test-support/test-mock.ts';
import { providerStates } from './provider-states.ts';

const spec = loadOpenApi('nox-control');
let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});

/** The states of a pact's webhook message, as pact-cli and pact-js post them to the message producer. */
const statesOf = (event_type: string, previous_value: unknown, value: unknown) => [
  { name: providerStates.supplier, params: { supplier: 'Volt Energy' } },
  { name: providerStates.linkedUser, params: { count: 1, asset_type: 'hp' } },
  { name: providerStates.settingsChange, params: { event_type, previous_value, value } },
];
const produce = (providerStates: unknown[], description = 'a webhook event') =>
  request(mock.app).post('/__nox/pact-messages').send({ description, providerStates });
const metadataOf = (res: request.Response) =>
  JSON.parse(Buffer.from(res.headers['pact-message-metadata'] ?? '', 'base64').toString('utf8'));

describe('POST /__nox/pact-messages (Pact message producer)', () => {
  test("answers the event of the user's change, signed as the sender signs it, and delivers nothing", async () => {
    const type = 'device.settings.room.preferred_temperature.updated';
    const res = await produce(statesOf(type, 21, 22.5));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(spec.validateResponse('POST', '/__nox/pact-messages', 200, res.body)).toEqual([]);
    expect(res.body).toMatchObject({
      type,
      data: { value: 22.5, previous_value: 21 },
      metadata: { energy_supplier: 'Volt Energy', brand: 'Daikin' },
    });
    const metadata = metadataOf(res);
    expect(metadata).toMatchObject({
      contentType: 'application/json',
      'X-Webhook-Id': `${res.body.id}:${type}`,
    });
    const supplier = (await request(mock.app).get('/__nox/organisations')).body.organisations.at(-1);
    const signed = `${metadata['X-Webhook-Timestamp']}.${res.text}`;
    const expected = `sha256=${createHmac('sha256', supplier.api_key).update(signed).digest('hex')}`;
    expect(metadata['X-Webhook-Signature']).toBe(expected);
    const pending = await request(mock.app).get('/__nox/webhooks').query({ status: 'pending' });
    expect(pending.body.deliveries).toEqual([]);
  });

  test('sets the previous value first, so the event is the one recorded', async () => {
    const type = 'device.steerable_status.being_steered.updated';
    const res = await produce(statesOf(type, true, false));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ value: false, previous_value: true });
  });

  test('a message without the change state, or a change that makes no such event, is a 400 saying why', async () => {
    const noChange = await produce(statesOf('x', 1, 2).slice(0, 2), 'a webhook event x');
    expect(noChange.status).toBe(400);
    expect(noChange.body.error).toContain(
      `The message "a webhook event x" has no provider state "${providerStates.settingsChange}"`,
    );
    const unknown = await produce(statesOf('device.settings.room.unicorns.updated', null, 3));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/made no device.settings.room.unicorns.updated event .*unicorns/);
    const same = await produce(statesOf('device.settings.room.preferred_temperature.updated', null, 21));
    expect(same.status).toBe(400);
    expect(same.body.error).toContain('the value is the one the setting already has');
  });
});
