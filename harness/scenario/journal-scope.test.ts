import { describe, expect, test } from 'vitest';
import type { JournalEntry } from '../../openapi/wire-types.ts';
import { belongsTo } from './journal-scope.ts';

const entry = (area: JournalEntry['area'], path: string, body: unknown): JournalEntry => ({
  id: 1,
  at: 0,
  organisation_id: 'org',
  area,
  request: { method: 'POST', path, query: {}, headers: {}, body },
  response: { status: 200, headers: {}, body: {} },
  duration_ms: 1,
});

const scope = { users: new Set(['cust-a']), noxUsers: new Set(['nox-a']), states: new Set(['state-a']) };

describe("a scenario's journal scope", () => {
  test("holds a POST /post-login-redirect of its own session even when it names another customer, and not another session's naming its customer", () => {
    expect(
      belongsTo(entry('auth', '/post-login-redirect', { state: 'state-a', user_id: 'cust-b' }), scope),
    ).toBe(true);
    expect(
      belongsTo(entry('auth', '/post-login-redirect', { state: 'state-b', user_id: 'cust-a' }), scope),
    ).toBe(false);
  });

  test("holds the webhook attempts about its customers' NOX users or supplier ids, and no one else's", () => {
    const about = (metadata: object) => entry('webhook', 'http://127.0.0.1:1/hooks', { metadata });
    expect(belongsTo(about({ user_id: 'nox-a', external_user_id: 'mfr-1' }), scope)).toBe(true);
    expect(belongsTo(about({ user_id: 'nox-x', external_user_id: 'cust-a' }), scope)).toBe(true);
    expect(belongsTo(about({ user_id: 'nox-b', external_user_id: 'cust-b' }), scope)).toBe(false);
  });
});
