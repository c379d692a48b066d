/** The v2 success payload NOX puts in the callback's `data` parameter. */
export interface CallbackPayload {
  nox_user_id: string;
  supplier_user_id: string;
  brand: string;
  device_ids: string[];
  connected_at: number;
}

/** base64url, without padding as NOX sends it (padding is tolerated). */
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Decodes and checks `data`: the payload, or why it cannot be trusted. Node's decoder skips characters
 * it does not know, so the alphabet is checked first.
 */
export function decodeCallbackPayload(data: string): CallbackPayload | { problem: string } {
  if (!BASE64URL.test(data)) return { problem: 'data is not base64url' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
  } catch {
    return { problem: 'data is not base64url-encoded JSON' };
  }
  const missing = missingFields(payload);
  return missing.length > 0
    ? { problem: `data lacks valid ${missing.join(', ')}` }
    : (payload as CallbackPayload);
}

export const isCallbackPayload = (value: CallbackPayload | { problem: string }): value is CallbackPayload =>
  !('problem' in value);

function missingFields(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return ['fields (not an object)'];
  const p = payload as Record<string, unknown>;
  const text = (key: string) => typeof p[key] === 'string' && (p[key] as string) !== '';
  const checks: [string, boolean][] = [
    ['nox_user_id', text('nox_user_id')],
    ['supplier_user_id', text('supplier_user_id')],
    ['brand', text('brand')],
    [
      'device_ids',
      Array.isArray(p.device_ids) && p.device_ids.every((id) => typeof id === 'string' && id !== ''),
    ],
    ['connected_at', Number.isInteger(p.connected_at)],
  ];
  return checks.filter(([, ok]) => !ok).map(([key]) => key);
}
