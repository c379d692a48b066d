import request from 'supertest';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { createFileMock, nestedJson } from '../../test/test-support/file-mock.ts';
import { DEMO_KEY, linkUser } from '../../test/test-support/test-mock.ts';

let mock: Awaited<ReturnType<typeof createFileMock>>;
beforeEach(async () => {
  mock = await createFileMock();
});
afterEach(() => mock.close());

const raw = (method: 'patch' | 'put' | 'post', path: string, json: string, key?: string) => {
  const req = request(mock.app)[method](path).set('content-type', 'application/json');
  return (key ? req.set('x-api-key', key) : req).send(json);
};

/** A later write still lands in the file, and state and journal still answer. */
async function expectStoreStillWrites() {
  const created = await request(mock.app)
    .post('/__nox/organisations')
    .send({ kind: 'supplier', name: 'After The Attack' });
  expect(created.status).toBe(201);
  expect(mock.stored().organisations.map((o: { name: string }) => o.name)).toContain('After The Attack');
  expect((await request(mock.app).get('/__nox/state')).status).toBe(200);
  expect((await request(mock.app).get('/__nox/journal')).status).toBe(200);
}

describe('stored input', () => {
  test('a 6,000-level nested value in the settings PATCH is a 422 and the store keeps writing', async () => {
    const user = await linkUser(mock.app, 'u1', 'alice');
    const body = `{"user_id":"${user.nox_user_id}","location":${nestedJson(6000)}}`;
    const res = await raw('patch', '/v1/devices/settings', body, DEMO_KEY);
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc: ['body'], type: 'value_error' });
    expect(res.body.detail[0].msg).toContain('deeper than 32 levels');
    await expectStoreStillWrites();
  });

  test('a 6,000-level nested value in PUT /__nox/faults is a 400 {error} and the store keeps writing', async () => {
    const body = `{"organisation_id":"supplier_123","routes":[{"method":"GET","path":"/v1/devices","extra":${nestedJson(6000)}}]}`;
    const res = await raw('put', '/__nox/faults', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('deeper than 32 levels');
    await expectStoreStillWrites();
  });

  test('a nested value in a validated field is a validation error, not a 500', async () => {
    const res = await raw('post', '/v2/supplier/link-sessions', nestedJson(6000, 'user_id'), DEMO_KEY);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('deeper than 32 levels');
    await expectStoreStillWrites();
  });

  test('unknown settings fields are dropped, as NOX (FastAPI) ignores them, and never stored', async () => {
    const user = await linkUser(mock.app, 'u1', 'alice');
    const res = await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .send({ user_id: user.nox_user_id, colour: 'red', location: { country: 'NL', x: { deep: [1] } } });
    expect(res.status).toBe(204);
    const [record] = mock.stored().settings;
    expect(record.location).toEqual({ country: 'NL' });
    expect(record).not.toHaveProperty('colour');
    const journal = (await request(mock.app).get('/__nox/journal').query({ area: 'data' })).body.entries;
    expect(journal.at(-1).request.body.location.x).toEqual({ deep: [1] });
  });

  test('unknown control API fields are refused with 400 naming the field, and nothing changes', async () => {
    const res = await request(mock.app)
      .put('/__nox/faults')
      .send({
        organisation_id: 'supplier_123',
        routes: [{ method: 'GET', path: '/v1/devices', statuss: 500 }],
      });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('routes.0.statuss is not a known field');
    const typo = await request(mock.app)
      .put('/__nox/faults')
      .send({ organisation_id: 'supplier_123', brand_outage: [] });
    expect(typo.body.error).toBe('brand_outage is not a known field');
    expect(mock.store.data.organisations[0]?.route_faults).toEqual([]);
  });

  test("unknown fields inside the control API's settings change (schemas in nox-data.yaml) are refused, and nothing is stored", async () => {
    const user = await linkUser(mock.app, 'u2', 'alice');
    const before = JSON.stringify(mock.stored().settings);
    const res = await request(mock.app)
      .patch(`/__nox/users/${user.nox_user_id}/settings`)
      .send({
        room: { preferred_temperature: 20, unicorns: 5 },
        optimization_settings: { constructor: true },
      });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'room.unicorns is not a known field; optimization_settings.constructor is not a known field',
    });
    expect(JSON.stringify(mock.stored().settings)).toBe(before);
    const known = await request(mock.app)
      .patch(`/__nox/users/${user.nox_user_id}/settings`)
      .send({ room: { preferred_temperature: 20 } });
    expect(known.status).toBe(200);
    expect(known.body.settings[0].room.preferred_temperature).toBe(20);
    // The data API drops what it does not know, Object.prototype's names too, as FastAPI does.
    const data = await request(mock.app)
      .patch('/v1/devices/settings')
      .set('x-api-key', DEMO_KEY)
      .set('content-type', 'application/json')
      .send(
        '{"user_id":"' +
          user.nox_user_id +
          '","constructor":1,"room":{"toString":2,"preferred_temperature":21}}',
      );
    expect(data.status).toBe(204);
    const stored = JSON.stringify(mock.stored().settings);
    expect(stored).not.toMatch(/constructor|toString|unicorns/);
    expect(stored).toContain('"preferred_temperature":21');
  });

  test('a body over 1 MB is a 413 in the surface shape', async () => {
    const big = JSON.stringify({ user_id: 'x'.repeat(1_100_000) });
    const data = await raw('patch', '/v1/devices/settings', big, DEMO_KEY);
    expect(data.status).toBe(413);
    expect(data.body.detail).toContain('too large');
    const auth = await raw('post', '/v2/supplier/link-sessions', big, DEMO_KEY);
    expect(auth.status).toBe(413);
    expect(auth.body.error).toContain('too large');
    // Both operations declare the answer.
    expect(loadOpenApi('nox-data').validateResponse('PATCH', '/v1/devices/settings', 413, data.body)).toEqual(
      [],
    );
    expect(
      loadOpenApi('nox-auth').validateResponse('POST', '/v2/supplier/link-sessions', 413, auth.body),
    ).toEqual([]);
  });
});
