import { describe, expect, test } from 'vitest';
import { linkWithoutBrowser } from './test-support/link-flow.ts';
import { useSupplierFixture } from './test-support/supplier-fixture.ts';
import {
  connectThenChangeOnNox,
  postWebhook,
  readBackOf,
  replay,
  settledDeliveries,
  shownTemperature,
} from './test-support/webhook-support.ts';

describe('the webhook receiver (deliveries from the real mock)', () => {
  const f = useSupplierFixture();
  const now = () => Math.floor(f.mock.time.nowMs() / 1000);

  test('verifies a delivery, acknowledges it and shows the changed setting', async () => {
    const app = await f.startSupplier();
    const { customer, before, deliveries, delivery } = await connectThenChangeOnNox(f, app, 'ada');
    expect(before).toBe('21');
    expect(deliveries).toHaveLength(1);
    expect(delivery?.event.type).toBe('user.settings.room.preferred_temperature.updated');
    expect(delivery?.attempts.map((a) => a.response_status)).toEqual([200]);
    expect(await shownTemperature(customer)).toBe('19');
    expect((await readBackOf(app, 'ada')).webhook_ids).toEqual([delivery?.webhook_id]);
  });

  test('acknowledges a replayed delivery without acting on it again', async () => {
    const app = await f.startSupplier();
    const { delivery } = await connectThenChangeOnNox(f, app, 'bea');
    const res = await replay(app, delivery);
    expect(res.status).toBe(200);
    expect((await readBackOf(app, 'bea')).webhook_ids).toEqual([delivery?.webhook_id]);
  });

  test('refuses a forged or stale signature with 401 before reading the body', async () => {
    const app = await f.startSupplier();
    const { customer, delivery } = await connectThenChangeOnNox(f, app, 'cyd');
    const body = JSON.stringify({ ...delivery?.event, data: { value: 30, previous_value: 19 } });
    const webhookId = 'evt_forged:user.settings.room.preferred_temperature.updated';
    const forged = await postWebhook(app.url, body, { key: 'not-our-key', timestamp: now(), webhookId });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: expect.stringContaining('X-Webhook-Signature') });
    const stale = await postWebhook(app.url, body, { key: app.apiKey, timestamp: now() - 301, webhookId });
    expect(stale.status).toBe(401);
    const garbage = await postWebhook(app.url, '{not json', { key: 'x', timestamp: now(), webhookId });
    expect(garbage.status).toBe(401);
    expect(await shownTemperature(customer)).toBe('19');
    expect((await readBackOf(app, 'cyd')).webhook_ids).toEqual([delivery?.webhook_id]);
  });

  test('answers 400 in NOX’s error shape for a signed body that is no event', async () => {
    const app = await f.startSupplier();
    const signed = { key: app.apiKey, timestamp: now(), webhookId: 'evt_x:t' };
    const res = await postWebhook(app.url, '{not json', signed);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Not a NOX webhook event: the body is not JSON' });
  });

  test('answers 503 when told to fail, and processes NOX’s retry once', async () => {
    const app = await f.startSupplier();
    const customer = await app.customer('dov');
    const { done } = await linkWithoutBrowser(f, customer, { username: 'dov' });
    await customer.get('/settings');
    const fail = await fetch(`${app.url}/__testkit/customers/dov/fail-next-webhook`, { method: 'POST' });
    expect(fail.status).toBe(204);
    await f.control('PATCH', `/__nox/users/${done.nox_user_id}/settings`, {
      room: { preferred_temperature: 18 },
    });
    const [first] = await settledDeliveries(f, app.organisationId);
    expect(first?.attempts.map((a) => a.response_status)).toEqual([503]);
    expect(await shownTemperature(customer)).toBe('21');
    await f.control('POST', '/__nox/clock/advance', { seconds: 5, organisation_id: app.organisationId });
    await f.control('POST', '/__nox/webhooks/deliver-due', { organisation_id: app.organisationId });
    const [retried] = await settledDeliveries(f, app.organisationId);
    expect(retried?.attempts.map((a) => a.response_status)).toEqual([503, 200]);
    expect(await shownTemperature(customer)).toBe('18');
    expect((await readBackOf(app, 'dov')).webhook_ids).toEqual([first?.webhook_id]);
  });

  test('acknowledges an event for a customer it does not know and stores nothing', async () => {
    const app = await f.startSupplier();
    const event = {
      type: 'user.settings.room.preferred_temperature.updated',
      timestamp: '2026-01-01T00:00:00Z',
      id: 'evt_000000000000000000000001',
      data: { value: 20, previous_value: 21 },
      metadata: {
        device_id: null,
        user_id: 'u',
        external_user_id: 'stranger',
        brand: 'Daikin',
        energy_supplier: 'x',
      },
    };
    const signed = { key: app.apiKey, timestamp: now(), webhookId: `${event.id}:${event.type}` };
    expect((await postWebhook(app.url, JSON.stringify(event), signed)).status).toBe(200);
    expect((await fetch(`${app.url}/__testkit/customers/stranger`)).status).toBe(404);
  });
});
