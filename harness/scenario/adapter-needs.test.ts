import { describe, expect, test } from 'vitest';
import type { SupplierAdapter } from '../config/define-config.ts';
import { missingNeeds } from './adapter-needs.ts';

const hooks = { startConnection: async () => undefined, readOutcome: async () => null };
const adapter = (more: Partial<SupplierAdapter> = {}): SupplierAdapter => ({
  name: 'S',
  url: 'http://x',
  hooks,
  ...more,
});
const org = { name: 'S', oauth_login_url: 'http://x/oauth', webhook_url: null };

describe('what a scenario needs of the adapter', () => {
  test('names the missing hooks and paths in one reason', () => {
    expect(missingNeeds(['readBack', 'oauthLoginPath', 'readSettings'], adapter())).toBe(
      'the adapter has no readBack, readSettings hooks, oauthLoginPath',
    );
    expect(missingNeeds(['webhookPath'], adapter())).toBe('the adapter has no webhookPath');
  });

  test("has a path when the adapter gives it, unless the run's organisation lacks the URL it would give", () => {
    const withPaths = adapter({ oauthLoginPath: '/oauth', webhookPath: '/hooks' });
    expect(missingNeeds(['oauthLoginPath'], withPaths, org)).toBeUndefined();
    expect(missingNeeds(['webhookPath'], withPaths, org)).toBe(
      "the run's organisation (S) has no webhook_url",
    );
  });
});
