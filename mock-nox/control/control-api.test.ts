import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { loadSpec } from '../../openapi/validator/load-spec.ts';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import {
  CALLBACK,
  createTestMock,
  createV2Session,
  DEMO_KEY,
  linkUser,
} from '../../test/test-support/test-mock.ts';
import type { MockRequest, MockResponse } from '../http/router.ts';
import { controlRefusal, isControlAllowed } from './control-access.ts';

const spec = loadOpenApi('nox-control');
let mock: Awaited<ReturnType<typeof createTestMock>>;
beforeEach(async () => {
  mock = await createTestMock();
});
const newSupplier = (name = 'Volt Energy') =>
  request(mock.app)
    .post('/__nox/organisations')
    .send({ kind: 'supplier', name, redirect_urls: [CALLBACK] });
const START = Date.UTC(2026, 0, 1) / 1000;

describe('control API', () => {
  test('GET /__nox/health answers exactly {"status":"ok"}', async () => {
    const res = await request(mock.app).get('/__nox/health');
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"status":"ok"}');
  });

  test('POST /__nox/organisations creates an isolated supplier with a fresh key', async () => {
    const res = await newSupplier();
    expect(res.status).toBe(201);
    expect(spec.validateResponse('POST', '/__nox/organisations', 201, res.body)).toEqual([]);
    expect(res.body.api_key).not.toBe(DEMO_KEY);
    const created = await createV2Session(mock.app, {}, res.body.api_key);
    expect(created.body.supplier).toBe('Volt Energy');
    const state = await request(mock.app).get('/__nox/state').query({ organisation_id: res.body.id });
    expect(state.body.link_sessions).toHaveLength(1);
    const demo = await request(mock.app).get('/__nox/state').query({ organisation_id: 'supplier_123' });
    expect(demo.body.link_sessions).toHaveLength(0);
  });

  test('rejects an organisation without a name with a clear {error}', async () => {
    const res = await request(mock.app).post('/__nox/organisations').send({ kind: 'supplier' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'name is required and must be a string' });
  });

  test('reads, advances and sets the clock, globally and per organisation', async () => {
    expect((await request(mock.app).get('/__nox/clock')).body).toEqual({
      now: START,
      iso: '2026-01-01T00:00:00Z',
      offset_seconds: 0,
    });
    expect((await request(mock.app).post('/__nox/clock/advance').send({ seconds: 90 })).body.now).toBe(
      START + 90,
    );
    const set = await request(mock.app).post('/__nox/clock/set').send({ iso: '2026-06-01T12:00:00Z' });
    expect(set.body.iso).toBe('2026-06-01T12:00:00Z');
    const org = (await newSupplier()).body;
    await request(mock.app).post('/__nox/clock/advance').send({ seconds: 3600, organisation_id: org.id });
    const theirs = await request(mock.app).get('/__nox/clock').query({ organisation_id: org.id });
    expect(theirs.body.now - set.body.now).toBe(3600);
    expect((await request(mock.app).get('/__nox/clock')).body.now).toBe(set.body.now);
  });

  test('rejects a clock advance without whole seconds', async () => {
    const res = await request(mock.app).post('/__nox/clock/advance').send({ seconds: 'soon' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('seconds is required and must be an integer');
  });

  test('PUT /__nox/policies changes global policies and answers the ones in force', async () => {
    const res = await request(mock.app).put('/__nox/policies').send({ same_supplier_user: 'merge' });
    expect(res.body).toMatchObject({
      same_supplier_user: 'merge',
      same_account_other_user: 'separate-user',
      failure_redirects: true,
    });
    expect(spec.validateResponse('PUT', '/__nox/policies', 200, res.body)).toEqual([]);
  });

  test('rejects an unknown policy value or name without changing anything', async () => {
    const bad = await request(mock.app).put('/__nox/policies').send({ same_supplier_user: 'overwrite' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('same_supplier_user must be one of: replace, merge, reject');
    const unknown = await request(mock.app).put('/__nox/policies').send({ lifetime_seconds: 5 });
    expect(unknown.body.error).toBe('lifetime_seconds is not a known field');
    expect((await request(mock.app).get('/__nox/policies')).body.same_supplier_user).toBe('replace');
  });

  test('answers 404 for an unknown organisation id', async () => {
    const res = await request(mock.app).get('/__nox/state').query({ organisation_id: 'org_nope' });
    expect(res.status).toBe(404);
    expect(res.body.error).toContain('org_nope');
  });

  test('POST /__nox/link-sessions/{token}/complete answers 404 for an unknown token and 400 without a brand', async () => {
    expect(
      (await request(mock.app).post('/__nox/link-sessions/nope/complete').send({ username: 'a' })).status,
    ).toBe(404);
    const created = await createV2Session(mock.app);
    const res = await request(mock.app)
      .post(`/__nox/link-sessions/${created.body.link_token}/complete`)
      .send({ username: 'a' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/brand is required/);
  });

  test('refuses a brand that differs from the pre-selected one', async () => {
    const created = await createV2Session(mock.app, { brand: 'nibe' });
    const res = await request(mock.app)
      .post(`/__nox/link-sessions/${created.body.link_token}/complete`)
      .send({ brand: 'daikin', username: 'a' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('created with brand "nibe"');
  });

  test('POST /__nox/reset with an organisation clears only that organisation', async () => {
    const org = (await newSupplier()).body;
    await linkUser(mock.app, 'u', 'a', {}, org.api_key);
    await linkUser(mock.app, 'u', 'a');
    await request(mock.app)
      .put('/__nox/policies')
      .send({ organisation_id: org.id, same_supplier_user: 'reject' });
    expect((await request(mock.app).post('/__nox/reset').send({ organisation_id: org.id })).body).toEqual({
      reset: org.id,
    });
    const state = (await request(mock.app).get('/__nox/state')).body;
    expect(state.nox_users.map((u: { organisation_id: string }) => u.organisation_id)).toEqual([
      'supplier_123',
    ]);
    expect(state.organisations.find((o: { id: string }) => o.id === org.id).policies).toEqual({});
  });

  test('POST /__nox/reset without a body goes back to the demo organisations only', async () => {
    await newSupplier();
    await linkUser(mock.app, 'u', 'a');
    await request(mock.app).post('/__nox/reset');
    const state = (await request(mock.app).get('/__nox/state')).body;
    expect(state.organisations.map((o: { name: string }) => o.name)).toEqual([
      'Acme Energy',
      'Acme Manufacturing',
    ]);
    expect(state.nox_users).toEqual([]);
    expect((await request(mock.app).get('/__nox/journal')).body.entries).toEqual([]);
  });

  test('GET /__nox/journal records each API call with its organisation, request and response', async () => {
    await createV2Session(mock.app, { user_id: 'journal_user' });
    await request(mock.app).post('/v2/supplier/link-sessions').set('x-api-key', DEMO_KEY).send({});
    const res = await request(mock.app).get('/__nox/journal').query({ organisation_id: 'supplier_123' });
    expect(spec.validateResponse('GET', '/__nox/journal', 200, res.body)).toEqual([]);
    const [ok, bad] = res.body.entries;
    expect(ok).toMatchObject({
      organisation_id: 'supplier_123',
      area: 'auth',
      request: { method: 'POST', path: '/v2/supplier/link-sessions', body: { user_id: 'journal_user' } },
      response: { status: 201, body: { supplier_user_id: 'journal_user' } },
    });
    expect(ok.request.headers['x-api-key']).toBe('api_k***...(redacted)');
    expect(bad.response).toMatchObject({ status: 400, body: { error: expect.stringContaining('user_id') } });
    const after = await request(mock.app).get('/__nox/journal').query({ after_id: ok.id });
    expect(after.body.entries.map((e: { id: number }) => e.id)).toEqual([bad.id]);
  });

  test('the journal leaves out the control API itself', async () => {
    await request(mock.app).get('/__nox/health');
    expect((await request(mock.app).get('/__nox/journal')).body.entries).toEqual([]);
  });
});

describe('control API input', () => {
  test('refuses a reset body that is not JSON instead of resetting everything', async () => {
    const org = (await newSupplier()).body;
    await linkUser(mock.app, 'u', 'a', {}, org.api_key);
    const res = await request(mock.app)
      .post('/__nox/reset')
      .type('text')
      .send(`{"organisation_id":"${org.id}"}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('Content-Type: application/json');
    const array = await request(mock.app).post('/__nox/reset').send([org.id]);
    expect(array.status).toBe(400);
    const state = (await request(mock.app).get('/__nox/state')).body;
    expect(state.organisations.map((o: { id: string }) => o.id)).toContain(org.id);
    expect(state.nox_users).toHaveLength(1);
  });

  test('refuses to move the clock out of range and leaves it as it was', async () => {
    const huge = await request(mock.app).post('/__nox/clock/advance').send({ seconds: 1e15 });
    expect(huge.status).toBe(400);
    expect(huge.body.error).toContain('seconds must be 3153600000 or less');
    for (let i = 0; i < 12; i++)
      await request(mock.app).post('/__nox/clock/advance').send({ seconds: 3153600000 });
    const reading = await request(mock.app).get('/__nox/clock');
    expect(reading.status).toBe(200);
    expect(reading.body.now).toBeLessThanOrEqual(32503680000);
    const tooFar = await request(mock.app).post('/__nox/clock/advance').send({ seconds: 3153600000 });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.error).toContain('outside 1970 to the year 3000');
  });

  test('asks for exactly one of now and iso when setting the clock', async () => {
    for (const body of [{}, { now: 1767225600, iso: '2026-01-01T00:00:00Z' }]) {
      const res = await request(mock.app).post('/__nox/clock/set').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('body must have exactly one of: now, iso');
    }
  });

  test('refuses a blank username and an unknown brand in an outage', async () => {
    const created = await createV2Session(mock.app);
    const blank = await request(mock.app)
      .post(`/__nox/link-sessions/${created.body.link_token}/complete`)
      .send({ brand: 'daikin', username: '  ' });
    expect(blank.status).toBe(400);
    const faults = await request(mock.app)
      .put('/__nox/faults')
      .send({ organisation_id: 'supplier_123', brand_outages: ['daikn'] });
    expect(faults.status).toBe(400);
    expect(faults.body.error).toContain('"daikn" is not a supported brand');
  });
});

describe('route faults', () => {
  const faults = (routes: object[]) =>
    request(mock.app).put('/__nox/faults').send({ organisation_id: 'supplier_123', routes });

  test("answer a forced status in NOX's shape for the next N calls, then the route works again", async () => {
    const set = await faults([{ method: 'POST', path: '/v2/supplier/link-sessions', status: 503, times: 2 }]);
    expect(set.body.routes).toHaveLength(1);
    const first = await createV2Session(mock.app);
    expect(first.status).toBe(503);
    expect(first.body.error).toContain('Simulated NOX failure');
    expect((await createV2Session(mock.app)).status).toBe(503);
    expect((await createV2Session(mock.app)).status).toBe(201);
    expect((await request(mock.app).get('/__nox/state')).body.organisations[0].route_faults).toEqual([]);
    // Journalled under the organisation whose call the fault answered, so its own journal shows them.
    const journal = await request(mock.app).get('/__nox/journal?organisation_id=supplier_123');
    const statuses = journal.body.entries.map((e: { response: { status: number }; fault?: boolean }) => [
      e.response.status,
      e.fault ?? false,
    ]);
    expect(statuses).toEqual([
      [503, true],
      [503, true],
      [201, false],
    ]);
  });

  test("delay the answer by latency_ms and answer in the data API's {detail} shape there", async () => {
    await faults([{ method: 'GET', path: '/v1/devices', status: 500, latency_ms: 150 }]);
    const started = Date.now();
    const res = await request(mock.app).get('/v1/devices').set('x-api-key', DEMO_KEY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(500);
    expect(res.body.detail).toContain('Simulated NOX failure');
  });

  test('leave other organisations and other routes alone', async () => {
    await faults([{ method: 'POST', path: '/v2/supplier/link-sessions', status: 500 }]);
    const other = (await newSupplier()).body;
    expect((await createV2Session(mock.app, {}, other.api_key)).status).toBe(201);
    expect((await request(mock.app).get('/v1/devices').set('x-api-key', DEMO_KEY)).status).toBe(200);
  });

  test('refuse a fault that is not a 4xx/5xx status', async () => {
    const res = await faults([{ method: 'POST', path: '/v2/supplier/link-sessions', status: 302 }]);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('routes.0.status must be 400 or more');
  });
});

describe('control API access', () => {
  test('the guard refuses a client that is not on loopback with a 403 in the {error} shape', () => {
    const req = { socket: { remoteAddress: '10.1.2.3' }, get: () => undefined } as unknown as MockRequest;
    const refused = controlRefusal(req, {} as MockResponse);
    expect(refused).toMatchObject({ status: 403, message: expect.stringContaining('--admin-token') });
  });

  test('is open on loopback and closed elsewhere unless the admin token is sent', () => {
    expect(isControlAllowed('127.0.0.1', undefined)).toBe(true);
    expect(isControlAllowed('::ffff:127.0.0.1', undefined)).toBe(true);
    expect(isControlAllowed('::1', undefined)).toBe(true);
    expect(isControlAllowed('10.1.2.3', undefined)).toBe(false);
    expect(isControlAllowed('10.1.2.3', 'Bearer s3cret')).toBe(false);
    expect(isControlAllowed('10.1.2.3', 'Bearer s3cret', 's3cret')).toBe(true);
    expect(isControlAllowed('10.1.2.3', 'Bearer wrong', 's3cret')).toBe(false);
  });
});

describe('the control route table', () => {
  test('serves every operation of openapi/nox-control.yaml at its method and path', async () => {
    const paths: Record<string, Record<string, { operationId?: string }>> = loadSpec(
      'nox-control.yaml',
    ).paths;
    const unserved: string[] = [];
    for (const [path, item] of Object.entries(paths))
      for (const [method, op] of Object.entries(item)) {
        if (!op?.operationId) continue;
        const url = path.replace(/\{\w+\}/g, 'some-id');
        const res = await request(mock.app)[method as 'get' | 'post' | 'put'](url).send({});
        if ([404, 405].includes(res.status) && /No NOX endpoint|does not take/.test(res.text))
          unserved.push(`${op.operationId}: ${method.toUpperCase()} ${path}`);
      }
    expect(unserved).toEqual([]);
  });
});
