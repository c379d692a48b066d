// The adapter for the Python app beside it (app.py): only the two required hooks, plus its webhook path.
// In your own project the import is from 'nox-testkit'; only a type is imported, so jiti erases it and the
// file needs no node_modules beside it (see docs/adapter.md, "An app in any language").
import type { NoxTestkitConfig } from '../../harness/index.ts';

export default {
  supplier: {
    name: 'Py Energy',
    start: { command: 'python3 app.py' },
    readyPath: '/health',
    webhookPath: '/webhooks',
    hooks: {
      // Pass brand and language on: scenarios check that the app's link session carries them.
      async startConnection({ page, baseUrl, user }, { assetType, brand, language }) {
        const connect = `/connect?${new URLSearchParams({
          asset_type: assetType,
          ...(brand ? { brand } : {}),
          ...(language ? { language } : {}),
        })}`;
        await page.goto(`${baseUrl}/login?${new URLSearchParams({ user, next: connect })}`);
      },
      async readOutcome({ page }) {
        if (await page.locator('[data-testid="connected"]').count()) return { status: 'connected' };
        const failed = page.locator('[data-testid="failed"]');
        if (await failed.count())
          return { status: 'failed', code: (await failed.getAttribute('data-code')) ?? undefined };
        return null;
      },
    },
  },
} satisfies NoxTestkitConfig;
