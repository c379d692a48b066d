import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { startTestServer } from '../../test/test-support/test-mock.ts';
import { createMockClient, type MockClient } from './mock-client.ts';

// The client's types come from the control API's spec; these answers of a real mock must match that spec,
// or the types would promise fields the harness never gets.
describe('the mock client against a running mock', () => {
  const spec = loadOpenApi('nox-control');
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let mock: MockClient;
  beforeAll(async () => {
    server = await startTestServer();
    mock = createMockClient(server.url);
  });
  afterAll(() => server.close());

  test('state, organisations, policies and journal of a linked customer validate against the spec', async () => {
    const org = await mock.createOrganisation({
      kind: 'supplier',
      name: 'Typed',
      redirect_urls: ['http://127.0.0.1:*'],
    });
    const created = await fetch(new URL('/v2/supplier/link-sessions', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': org.api_key },
      body: JSON.stringify({ user_id: 'typed-1', redirect_url: 'http://127.0.0.1:1/cb', asset_type: 'hp' }),
    }).then((r) => r.json());
    await mock.complete(created.link_token, { brand: 'daikin', username: 'typed-user' });
    await mock.setPolicies(org.id, { same_supplier_user: 'merge' });
    await mock.setFaults(org.id, { routes: [{ method: 'GET', path: '/v1/devices', times: 1 }] });

    const state = await mock.state(org.id);
    expect(state.settings_in_force).toHaveLength(1);
    expect(spec.validateResponse('GET', '/__nox/state', 200, state)).toEqual([]);
    const organisations = { organisations: await mock.organisations() };
    expect(spec.validateResponse('GET', '/__nox/organisations', 200, organisations)).toEqual([]);
    const entries = await mock.journal(org.id);
    expect(entries.length).toBeGreaterThan(0);
    expect(spec.validateResponse('GET', '/__nox/journal', 200, { entries })).toEqual([]);
  });
});
