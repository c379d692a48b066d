// Helpers shared by the data API's acceptance tests (not part of the mock).
import request from 'supertest';
import { expect } from 'vitest';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { CALLBACK, type createTestMock, DEMO_KEY } from './test-mock.ts';

type App = Awaited<ReturnType<typeof createTestMock>>['app'];
type Query = Record<string, string | number | boolean>;

const spec = loadOpenApi('nox-data');

/** GET a data API path with an API key (the demo supplier's unless given). */
export const getData = (app: App, path: string, query: Query = {}, key = DEMO_KEY) =>
  request(app).get(path).set('x-api-key', key).query(query);

/** POST JSON to a data API path with an API key. */
export const postData = (app: App, path: string, body: unknown, key = DEMO_KEY) =>
  request(app)
    .post(path)
    .set('x-api-key', key)
    .send(body as object);

/** Fails unless the response's status and body are what openapi/nox-data.yaml documents for the path. */
export function expectInSpec(res: { status: number; body: unknown }, method: string, path: string): void {
  expect(spec.validateResponse(method, path, res.status, res.body)).toEqual([]);
}

/** A second supplier with its own key, for tenant isolation. */
export async function createSupplier(app: App, name = 'Other Energy'): Promise<string> {
  const res = await request(app)
    .post('/__nox/organisations')
    .send({ kind: 'supplier', name, redirect_urls: [CALLBACK] });
  expect(res.status).toBe(201);
  return res.body.api_key;
}

/** The virtual time of `iso` minus the fake clock's start (2026-01-01T00:00:00Z), for `time.advance`. */
export const secondsUntil = (iso: string) => (Date.parse(iso) - Date.UTC(2026, 0, 1)) / 1000;
