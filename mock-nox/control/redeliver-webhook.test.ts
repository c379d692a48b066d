import request from 'supertest';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { CALLBACK, createFakeTime, linkUser } from '../../test/test-support/test-mock.ts';
import { verifyNoxWebhook } from '../../test/test-support/verify-nox-webhook.ts';
import { startWebhookReceiver } from '../../test/test-support/webhook-receiver.ts';
import { createApp, openStore } from '../index.ts';

const spec = loadOpenApi('nox-control');
let app: ReturnType<typeof createApp>;
let time: ReturnType<typeof createFakeTime>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let supplier: { id: string; api_key: string };

const redeliver = async (id: string) => {
  const res = await request(app).post(`/__nox/webhooks/${encodeURIComponent(id)}/redeliver`);
  expect(
    spec.validateResponse('POST', '/__nox/webhooks/{delivery_id}/redeliver', res.status, res.body),
  ).toEqual([]);
  return res;
};

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  time = createFakeTime();
  app = createApp({ store: await openStore({ inMemory: true }), time, webhooks: { autoDeliver: false } });
  supplier = (
    await request(app)
      .post('/__nox/organisations')
      .send({
        kind: 'supplier',
        name: 'Volt',
        redirect_urls: [CALLBACK],
        webhook_url: `${receiver.url}/hook`,
      })
  ).body;
  const user = await linkUser(app, 'volt_1', 'alice', {}, supplier.api_key);
  await request(app)
    .patch(`/__nox/users/${user.nox_user_id}/settings`)
    .send({ room: { preferred_temperature: 19 } })
    .expect(200);
});
afterEach(() => receiver.close());

describe('POST /__nox/webhooks/{delivery_id}/redeliver', () => {
  test('sends a delivered event again now, freshly signed at the virtual time, and records the attempt as a redelivery', async () => {
    await request(app).post('/__nox/webhooks/deliver-due').send({}).expect(200);
    const [delivery] = (await request(app).get('/__nox/webhooks')).body.deliveries;
    expect(delivery.status).toBe('delivered');
    time.advance(3600);
    const res = await redeliver(delivery.id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('delivered');
    expect(res.body.attempts.map((a: { redelivery?: boolean }) => a.redelivery ?? false)).toEqual([
      false,
      true,
    ]);
    const [first, again] = receiver.at('/hook');
    expect(again?.rawBody).toBe(first?.rawBody);
    expect(again?.headers['x-webhook-id']).toBe(first?.headers['x-webhook-id']);
    expect(Number(again?.headers['x-webhook-timestamp'])).toBe(
      Number(first?.headers['x-webhook-timestamp']) + 3600,
    );
    expect(
      verifyNoxWebhook(again?.rawBody ?? '', again?.headers ?? {}, supplier.api_key, res.body.attempts[1].at),
    ).toBe(true);
    const journal = (await request(app).get('/__nox/journal').query({ area: 'webhook' })).body.entries;
    expect(journal).toHaveLength(2);
  });

  test('a failed redelivery is judged as any attempt: a 5xx schedules the next retry, a 4xx fails it', async () => {
    const [delivery] = (await request(app).get('/__nox/webhooks')).body.deliveries;
    receiver.answers.push(503, 410);
    const retried = await redeliver(delivery.id);
    expect(retried.body).toMatchObject({
      status: 'pending',
      next_attempt_at: retried.body.attempts[0].at + 5,
    });
    const rejected = await redeliver(delivery.id);
    expect(rejected.body).toMatchObject({ status: 'failed', next_attempt_at: null });
    expect(rejected.body.attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      'retry_scheduled',
      'rejected',
    ]);
  });

  test('an unknown delivery id is a 404 in the control shape, and nothing is sent', async () => {
    const res = await redeliver('whd_nope');
    expect(res.status).toBe(404);
    expect(res.body.error).toContain('No webhook delivery has the id "whd_nope"');
    expect(receiver.received).toHaveLength(0);
  });
});
