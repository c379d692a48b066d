import type { LinkSession } from '../../mock-nox/store/schema.ts';
import { createSeedDb } from '../../mock-nox/store/seed.ts';

/** A pending link session of the demo supplier as an earlier run leaves it, far from expiring. */
export function storedSession(i: number): LinkSession {
  return {
    token: `stored_token_${i}`.padEnd(43, 'x'),
    organisation_id: 'supplier_123',
    api_version: 'v2',
    supplier_user_id: `stored_${i}`,
    redirect_url: 'https://your-app.com/callback',
    language: 'en',
    asset_type: 'hp',
    asset_type_defaulted: false,
    brand: null,
    created_at: 0,
    expires_at: 4_000_000_000,
    completed_at: null,
    status: 'pending',
    error: null,
    login: null,
    nox_user_id: null,
    device_ids: [],
  };
}

/** A database file's contents with the seed and `n` stored link sessions. */
export function databaseWithSessions(n: number) {
  const db = createSeedDb();
  for (let i = 0; i < n; i++) db.link_sessions.push(storedSession(i));
  return db;
}
