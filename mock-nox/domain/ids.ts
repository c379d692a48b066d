import { createHash, randomBytes } from 'node:crypto';

/** Every id and secret the mock hands out; injected so tests can make them predictable. */
export interface Ids {
  /** A link token: 256 random bits, base64url. */
  linkToken(): string;
  apiKey(): string;
  organisationId(): string;
  noxUserId(): string;
  /** A webhook event id: `evt_` + 24 lowercase hex, as NOX's. */
  eventId(): string;
  /** A webhook delivery id (one event may be delivered to several receivers). */
  deliveryId(): string;
}

export function createIds(random: (bytes: number) => Buffer = pooledRandomBytes()): Ids {
  return {
    linkToken: () => random(32).toString('base64url'),
    apiKey: () => `nox_test_${random(24).toString('hex')}`,
    organisationId: () => `org_${random(8).toString('hex')}`,
    noxUserId: () => uuidFrom(random(16).toString('hex')),
    eventId: () => `evt_${random(12).toString('hex')}`,
    deliveryId: () => `whd_${random(8).toString('hex')}`,
  };
}

/**
 * Cryptographically random bytes, drawn from 8 KiB fetched at once: one randomBytes call per link token
 * was about 6 µs, a sixth of creating a link session.
 */
export function pooledRandomBytes(poolBytes = 8192): (bytes: number) => Buffer {
  let pool = Buffer.alloc(0);
  let used = 0;
  return (bytes) => {
    if (bytes > poolBytes) return randomBytes(bytes);
    if (used + bytes > pool.length) {
      pool = randomBytes(poolBytes);
      used = 0;
    }
    used += bytes;
    // A copy: a slice would keep the whole pool alive as long as the id's bytes are referenced.
    return Buffer.from(pool.subarray(used - bytes, used));
  };
}

/** A stable UUID-shaped id derived from a string: the same input always gives the same id. */
export function stableUuid(seed: string): string {
  return uuidFrom(createHash('sha256').update(seed).digest('hex'));
}

function uuidFrom(hex: string): string {
  const h = `${hex.slice(0, 12)}4${hex.slice(13, 16)}a${hex.slice(17, 32)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
