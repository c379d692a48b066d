import { describe, expect, test } from 'vitest';
import { createIds, pooledRandomBytes } from './ids.ts';

describe('pooledRandomBytes', () => {
  test('hands out fresh bytes of the size asked for, across refills of the pool, never the same twice', () => {
    const random = pooledRandomBytes(64);
    const drawn = Array.from({ length: 40 }, (_, i) => random(i % 2 === 0 ? 32 : 12));
    expect(drawn.map((b) => b.length)).toEqual(drawn.map((_, i) => (i % 2 === 0 ? 32 : 12)));
    expect(new Set(drawn.map((b) => b.toString('hex'))).size).toBe(drawn.length);
    // More than the pool holds is drawn on its own.
    expect(random(100)).toHaveLength(100);
  });

  test('an id keeps its bytes when the pool is refilled (a copy, not a view of the pool)', () => {
    const random = pooledRandomBytes(32);
    const first = random(32);
    const kept = first.toString('hex');
    random(32);
    expect(first.toString('hex')).toBe(kept);
  });

  test('link tokens from the default ids are 256 bits in base64url and all differ', () => {
    const ids = createIds();
    const tokens = Array.from({ length: 1000 }, () => ids.linkToken());
    expect(tokens.every((t) => /^[A-Za-z0-9_-]{43}$/.test(t))).toBe(true);
    expect(new Set(tokens).size).toBe(1000);
  });
});
