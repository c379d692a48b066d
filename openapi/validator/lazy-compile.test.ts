import { describe, expect, test } from 'vitest';
import { createOpenApiValidator } from './openapi-validator.ts';

const linkSession = (body: unknown) => ({
  method: 'POST',
  path: '/v2/supplier/link-sessions',
  query: {},
  body,
});

describe('schemas compiled lazily, per operation', () => {
  test('a new validator has compiled nothing, yet knows every path and method', () => {
    const auth = createOpenApiValidator('nox-auth');
    expect(auth.methodsAt('/v2/supplier/link-sessions')).toEqual(['POST']);
    expect(auth.compiledOperations()).toBe(0);
  });

  test('the first request of an operation is checked in full: a bad body is rejected at once', () => {
    const auth = createOpenApiValidator('nox-auth');
    const issues = auth.validateRequest(linkSession({ user_id: 42, asset_type: 'hp' }));
    expect(issues?.map((i) => i.loc)).toEqual([
      ['body', 'redirect_url'],
      ['body', 'user_id'],
    ]);
    expect(auth.compiledOperations()).toBe(1);
  });

  test("an operation's validator is compiled once, and only that operation's", () => {
    const auth = createOpenApiValidator('nox-auth');
    const good = { user_id: 'u1', redirect_url: 'http://localhost:3000/cb', asset_type: 'hp' };
    expect(auth.validateRequest(linkSession(good))).toEqual([]);
    expect(auth.validateRequest(linkSession({}))?.length).toBeGreaterThan(0);
    expect(auth.validateRequest(linkSession(good))).toEqual([]);
    expect(auth.compiledOperations()).toBe(1);
  });

  test('a response validator compiled on first use still rejects a wrong answer', () => {
    const auth = createOpenApiValidator('nox-auth');
    const problems = auth.validateResponse('POST', '/v2/supplier/link-sessions', 201, { link_url: 1 });
    expect(problems.length).toBeGreaterThan(0);
    expect(auth.validateResponse('POST', '/v2/supplier/link-sessions', 299, {})).toEqual([
      'status 299 is not documented for POST /v2/supplier/link-sessions',
    ]);
  });
});
