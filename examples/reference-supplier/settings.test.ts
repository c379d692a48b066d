import { describe, expect, test } from 'vitest';
import type { CustomerClient } from './test-support/customer-client.ts';
import { linkWithoutBrowser } from './test-support/link-flow.ts';
import { markers } from './test-support/page-markers.ts';
import { useSupplierFixture } from './test-support/supplier-fixture.ts';

describe('the settings page', () => {
  const f = useSupplierFixture();

  const connected = async (customerId: string) => {
    const app = await f.startSupplier();
    const customer = await app.customer(customerId);
    const { done } = await linkWithoutBrowser(f, customer, { username: `${customerId}+devices2` });
    return { app, customer, noxUserId: done.nox_user_id ?? '' };
  };
  const settingsAtNox = async (apiKey: string, noxUserId: string) => {
    const res = await fetch(`${f.mock.url}/v1/devices/settings?user_id=${noxUserId}`, {
      headers: { 'x-api-key': apiKey },
    });
    return res.json();
  };
  const save = (customer: CustomerClient, form: Partial<Record<string, string>> = {}) =>
    customer.post('/settings', {
      preferred_temperature: '20.5',
      dhw_lower: '42',
      dhw_upper: '58',
      optimization: 'dynamic_tariff',
      ...form,
    } as Record<string, string>);

  test("shows NOX's settings in force", async () => {
    const { customer } = await connected('nina');
    const page = await customer.get('/settings');
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      'id="preferred_temperature" name="preferred_temperature" type="number" step="0.5" value="21"',
    );
    expect(page.text).toContain('value="none" checked');
  });

  test('saves a change at NOX and shows it back', async () => {
    const { app, customer, noxUserId } = await connected('oscar');
    const saved = await save(customer);
    expect(saved).toMatchObject({ status: 303, location: '/settings?saved=1' });
    const patch = (await f.journal(app.organisationId)).find((e) => e.request.method === 'PATCH');
    expect(patch?.request.body).toEqual({
      user_id: noxUserId,
      room: { preferred_temperature: 20.5 },
      dhw: { temperature_lower_bound: 42, temperature_upper_bound: 58 },
      optimization_settings: { pv_self_consumption: false, dynamic_tariff: true, flex_trading: false },
    });
    const { data } = (await settingsAtNox(app.apiKey, noxUserId)) as { data: unknown[] };
    expect(data).toHaveLength(2);
    for (const device of data)
      expect(device).toMatchObject({
        room: { preferred_temperature: 20.5 },
        dhw: { temperature_lower_bound: 42, temperature_upper_bound: 58 },
        optimization_settings: { dynamic_tariff: true, flex_trading: false },
      });
    const page = await customer.get('/settings?saved=1');
    expect(page.text).toContain('data-testid="settings-saved"');
    expect(page.text).toContain('value="dynamic_tariff" checked');
    expect(page.text).toContain('value="20.5"');
  });

  test("shows NOX's 422 message and keeps what the customer typed", async () => {
    const { app, customer, noxUserId } = await connected('paul');
    const page = await save(customer, { dhw_lower: '60', dhw_upper: '50' });
    expect(page.status).toBe(422);
    expect(page.text).toContain('data-testid="settings-errors"');
    expect(page.text).toContain(
      'dhw.temperature_lower_bound (60) must not be above dhw.temperature_upper_bound (50)',
    );
    expect(page.text).toContain('id="dhw_lower" name="dhw_lower" type="number" step="1" value="60"');
    const { data } = (await settingsAtNox(app.apiKey, noxUserId)) as { data: { dhw: object }[] };
    expect(data[0]?.dhw).toEqual({ temperature_lower_bound: 45, temperature_upper_bound: 55 });
  });

  test('asks for numbers before calling NOX', async () => {
    const { app, customer } = await connected('quinn');
    const page = await save(customer, { preferred_temperature: 'warm' });
    expect(page.status).toBe(422);
    expect(page.text).toContain('The preferred room temperature must be a number.');
    expect((await f.journal(app.organisationId)).some((e) => e.request.method === 'PATCH')).toBe(false);
  });

  test('tells a customer without a connection to connect first', async () => {
    const app = await f.startSupplier();
    const page = await (await app.customer('rita')).get('/settings');
    expect(markers.errorCode(page.text)).toBe('not_connected');
  });
});
