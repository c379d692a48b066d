import { describe, expect, test } from 'vitest';
import type { JournalEntry, ScenarioContext } from '../../harness/index.ts';
import { type Delivery, describeDeliveries, whyChangeNotShown } from './settings-webhook.ts';

const webhookId = 'evt_1:user.settings.room.preferred_temperature.updated';
const delivery = {
  webhook_id: webhookId,
  status: 'delivered',
  attempts: [{ response_status: 200, error: null }],
} as unknown as Delivery;

const entry = (id: number, area: JournalEntry['area'], method: string, path: string, headers = {}) =>
  ({ id, area, request: { method, path, headers }, response: { status: 200 } }) as unknown as JournalEntry;
const arrival = entry(2, 'webhook', 'POST', '/nox/webhooks', { 'x-webhook-id': webhookId });
const linkTimeRead = entry(1, 'data', 'GET', '/v1/devices/settings');
const reread = entry(3, 'data', 'GET', '/v1/devices/settings');

/** The evidence a scenario has: the journal, and the read-back's webhook_ids (absent without readBack). */
function evidence(journal: JournalEntry[], webhookIds?: string[]): ScenarioContext {
  return {
    journal: async () => journal,
    supplier: {
      has: () => webhookIds !== undefined,
      readBack: async () => ({ nox_user_id: 'u', device_ids: [], webhook_ids: webhookIds }),
    },
  } as unknown as ScenarioContext;
}

describe('why a settings change is not on the supplier’s page', () => {
  test('the receiver never applied it: the read-back lacks the delivery', async () => {
    expect(await whyChangeNotShown(evidence([linkTimeRead, arrival], []), delivery)).toBe(
      `its receiver acknowledged ${webhookId} but never applied it (its read-back’s webhook_ids lacks it), and it did not read NOX’s settings again after answering the delivery: the change was dropped on arrival`,
    );
  });

  test('the page is stale: the receiver acted on it', async () => {
    expect(await whyChangeNotShown(evidence([arrival], [webhookId]), delivery)).toBe(
      `its receiver acted on ${webhookId} (its read-back lists it) and it did not read NOX’s settings again after answering the delivery: the page shows a stale copy, not what the receiver stored`,
    );
  });

  test('without a read-back, a read of NOX’s settings after the delivery shows the page is stale', async () => {
    expect(await whyChangeNotShown(evidence([linkTimeRead, arrival, reread]), delivery)).toBe(
      'it read NOX’s settings again after answering the delivery (GET /v1/devices/settings, once), which have the new value: the page shows a stale copy, not what NOX holds',
    );
  });

  test('without a read-back or a read after the delivery, it says the cause is unknown', async () => {
    expect(await whyChangeNotShown(evidence([linkTimeRead, arrival]), delivery)).toContain(
      'so whether its receiver dropped the change or its page shows a stale copy is unknown',
    );
  });
});

describe('deliveries in words', () => {
  test('a genuine delivery refused 401 names the usual causes of a wrong signature check', () => {
    const refused = { ...delivery, status: 'failed', attempts: [{ response_status: 401, error: null }] };
    expect(describeDeliveries([refused as Delivery])).toBe(
      `${webhookId} failed (401): NOX signed these deliveries correctly, so the receiver’s check is wrong: the usual causes are an HMAC over re-serialised JSON rather than the raw body bytes, a key other than this organisation’s NOX API key, or another signed string than NOX’s (modelled: <X-Webhook-Timestamp>.<raw body>)`,
    );
    expect(describeDeliveries([delivery])).toBe(`${webhookId} delivered (200)`);
  });
});
