import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { depthOf } from '../mock-nox/http/body-limits.ts';
import { loadSpec } from '../openapi/validator/load-spec.ts';
import { DEMO_KEY, linkUser, startTestServer } from './test-support/test-mock.ts';

/** Cases per run: thousands in `npm test`, more with `npm run fuzz` (NOX_FUZZ_RUNS=50000). */
const RUNS = Number(process.env.NOX_FUZZ_RUNS ?? 2000);
const specs = ['nox-auth', 'nox-data', 'nox-control'];
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];
// The paths as served (loadSpec puts a path item's own server path, auth v2's /v2, before its key).
const operations = specs.flatMap((name) =>
  Object.entries<Record<string, unknown>>(loadSpec(`${name}.yaml`).paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => HTTP_METHODS.includes(method))
      .map((method) => ({ method, path })),
  ),
);

const fields = fc.constantFrom(
  'user_id',
  'device_id',
  'redirect_url',
  'routes',
  'location',
  'room',
  'organisation_id',
  'seconds',
  'brand',
  'username',
  'kind',
  'name',
  'redirect_urls',
  'brand_outages',
);
const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
/** Request bodies as JSON text (deep ones kept as text, so a failure report can print them). */
const body = fc.oneof(
  fc
    .dictionary(fields, fc.oneof(fc.jsonValue(), fc.string({ maxLength: 3000 })))
    .map((o) => JSON.stringify(o)),
  fc.tuple(fields, fc.integer({ min: 30, max: 6000 })).map(([k, n]) => `{"${k}":{"x":${nested(n)}}}`),
  fc.tuple(fields, fc.integer({ min: 30, max: 6000 })).map(([k, n]) => `{"${k}":${nested(n)}}`),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.constant(undefined),
);
const key = fc.constantFrom(DEMO_KEY, 'mfr_api_key_123', 'wrong', undefined);
const segment = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constant('..'), fc.constant('%00'));

describe('fuzzing every operation of every spec', () => {
  test(`${RUNS} random requests: never a 5xx, never a store that cannot be written`, async () => {
    const mock = await startTestServer();
    // supertest takes a URL as well as an app
    const user = await linkUser(
      mock.url as unknown as Parameters<typeof linkUser>[0],
      'fuzz_user',
      'alice+devices2',
    );
    const userOrRandom = fc.oneof(fc.constant(user.nox_user_id ?? ''), fc.string());
    const queries = fc.dictionary(
      fc.constantFrom('user_id', 'device_id', 'limit', 'next_token', 'organisation_id', 'unit', 'start_time'),
      fc.oneof(userOrRandom, fc.string()),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        body,
        queries,
        key,
        segment,
        async (op, payload, query, apiKey, param) => {
          const url = new URL(op.path.replace(/\{[^}]+\}/g, encodeURIComponent(param)), mock.url);
          for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
          const headers: Record<string, string> = apiKey ? { 'x-api-key': apiKey } : {};
          // fetch sends no body on a GET; the other methods get one
          const sent = op.method === 'get' ? undefined : payload;
          if (sent !== undefined) headers['content-type'] = 'application/json';
          const res = await fetch(url, { method: op.method.toUpperCase(), headers, body: sent });
          const text = await res.text();
          // Every header is printable ASCII: fetch reads header bytes as latin1, so a raw ° would show here.
          for (const [name, value] of res.headers)
            expect(value, `${op.method} ${url.pathname}: header ${name}`).toMatch(/^[\x20-\x7e\t]*$/);
          expect(
            res.status === 501 || res.status < 500,
            `${op.method} ${url.pathname} → ${res.status} ${text.slice(0, 200)}`,
          ).toBe(true);
          expect(depthOf(mock.store.data, 40)).toBeLessThanOrEqual(40);
          expect(() => JSON.stringify(mock.store.data)).not.toThrow();
          if (op.path.startsWith('/__nox/') && op.method !== 'get')
            await fetch(new URL('/__nox/reset', mock.url), { method: 'POST' });
        },
      ),
      { numRuns: RUNS },
    );
    expect((await fetch(new URL('/__nox/journal', mock.url))).status).toBe(200);
    await mock.close();
  }, 600_000);
});
