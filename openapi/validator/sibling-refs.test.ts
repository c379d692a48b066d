import { describe, expect, test } from 'vitest';
import { loadOpenApi } from './openapi-validator.ts';

describe('a spec that refers to another spec file', () => {
  const control = loadOpenApi('nox-control');

  test('validates a body against the schema of the other file', () => {
    const issues = control.validateRequest({
      method: 'PATCH',
      path: '/__nox/users/u1/settings',
      query: {},
      body: { room: { preferred_temperature: 100 } },
    });
    expect(issues?.map((i) => i.loc)).toEqual([['body', 'room', 'preferred_temperature']]);
  });

  test('accepts a webhook subscription of the documented event type', () => {
    const body = {
      kind: 'supplier',
      name: 'Acme Energy',
      webhook_events: ['device.steerable_status.being_steered.updated'],
    };
    expect(
      control.validateRequest({ method: 'POST', path: '/__nox/organisations', query: {}, body }),
    ).toEqual([]);
  });
});
