import { describe, expect, test } from 'vitest';
import { decodeCallbackPayload } from './callback-payload.ts';

const payload = {
  nox_user_id: 'n-1',
  supplier_user_id: 'cust-1',
  brand: 'daikin',
  device_ids: ['d-1', 'd-2'],
  connected_at: 1767225600,
};
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decoding the callback data', () => {
  test('decodes base64url JSON without padding', () => {
    expect(decodeCallbackPayload(encode(payload))).toEqual(payload);
  });

  test('tolerates padding', () => {
    const data = Buffer.from(JSON.stringify(payload)).toString('base64');
    expect(data).toMatch(/=$/);
    expect(decodeCallbackPayload(data.replace(/\+/g, '-').replace(/\//g, '_'))).toEqual(payload);
  });

  test('refuses characters outside base64url (which Node would silently skip)', () => {
    expect(decodeCallbackPayload(`${encode(payload)}*`)).toEqual({ problem: 'data is not base64url' });
  });

  test('names every missing or malformed field', () => {
    const broken = { ...payload, nox_user_id: '', device_ids: [1], connected_at: 1.5 };
    expect(decodeCallbackPayload(encode(broken))).toEqual({
      problem: 'data lacks valid nox_user_id, device_ids, connected_at',
    });
  });

  test('refuses JSON that is not an object', () => {
    expect(decodeCallbackPayload(encode([payload]))).toEqual({
      problem: 'data lacks valid fields (not an object)',
    });
  });
});
