// The small supplier's adapter: only the two required hooks, as a supplier's first config would be.
// SMALL_SUPPLIER_READS (linked, hp, pv or hp,pv) is passed on to the app: which device lists it reads.
import { defineConfig } from '../../../harness/index.ts';

export default defineConfig({
  supplier: {
    name: 'Small Energy',
    start: {
      command: 'node --import tsx small-supplier.ts',
      env: { SMALL_SUPPLIER_READS: process.env.SMALL_SUPPLIER_READS ?? 'linked' },
    },
    readyPath: '/health',
    hooks: {
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
});
