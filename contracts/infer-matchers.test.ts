import { describe, expect, test } from 'vitest';
import { loadOpenApi } from '../openapi/validator/openapi-validator.ts';
import { inferMatchers } from './infer-matchers.ts';

const rules = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('matchers inferred from a value and its OpenAPI schema', () => {
  test('take enums from the spec as a regex of the allowed values', () => {
    const hint = loadOpenApi('nox-auth').responseSchema('POST', '/v2/supplier/link-sessions', 201);
    const body = rules(
      inferMatchers({ language: 'en', created_at: 1767225600, link_token: 'abc', brand: null }, hint),
    );
    expect(body.language).toMatchObject({
      'pact:matcher:type': 'regex',
      regex: '^(nl|en|fr|es)$',
      value: 'en',
    });
    expect(body.created_at).toMatchObject({ 'pact:matcher:type': 'integer', value: 1767225600 });
    expect(body.link_token).toMatchObject({ 'pact:matcher:type': 'type', value: 'abc' });
    expect(body.brand).toBeNull();
  });

  test('match a number the spec calls a number by type, even when this value was whole', () => {
    const hint = loadOpenApi('nox-data').responseSchema('GET', '/v1/devices', 200);
    const body = rules(inferMatchers({ data: [{ legionella_config: { capacity: 20 } }] }, hint));
    expect(body.data['pact:matcher:type']).toBe('type');
    expect(body.data.value[0].legionella_config.capacity).toMatchObject({ 'pact:matcher:type': 'number' });
  });

  test('fall back to the value without a schema: UUIDs and times by pattern, lists by their first item', () => {
    const body = rules(
      inferMatchers({
        id: '550e8400-e29b-41d4-a716-446655440000',
        at: '2026-04-17T09:27:09.224000+00:00',
        list: [1, 2],
        empty: [],
      }),
    );
    expect(body.id['pact:matcher:type']).toBe('regex');
    expect(body.at['pact:matcher:type']).toBe('regex');
    expect(body.list).toMatchObject({
      'pact:matcher:type': 'type',
      min: 1,
      value: [{ 'pact:matcher:type': 'integer' }],
    });
    expect(body.empty).toEqual([]);
  });
});
