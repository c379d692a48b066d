// The demo: nox-testkit's built-in scenarios against the reference supplier in examples/ (npm run demo).
// A worked example of an adapter: copy it to your app and change the start command and the hooks.
import { defineConfig } from './harness/index.ts';

export default defineConfig({
  supplier: {
    name: 'Reference Energy',
    // Started by the harness with NOX_AUTH_URL, NOX_API_URL, NOX_API_KEY and PORT in its env.
    start: {
      command: 'node --import tsx examples/reference-supplier/main.ts',
      env: { SUPPLIER_FLAW: process.env.SUPPLIER_FLAW ?? '' },
    },
    readyPath: '/health',
    hooks: {
      async startConnection({ page, baseUrl, user }, { assetType, brand, language }) {
        await page.goto(`${baseUrl}/login?user=${encodeURIComponent(user)}`);
        const query = new URLSearchParams({
          asset_type: assetType,
          ...(brand ? { brand } : {}),
          ...(language ? { language } : {}),
        });
        await page.goto(`${baseUrl}/nox/connect?${query}`);
      },
      async readOutcome({ page }) {
        if (await page.locator('[data-testid="nox-connected"]').count()) return { status: 'connected' };
        const failed = page.locator('[data-testid="nox-failed"]');
        if (await failed.count())
          return {
            status: 'failed',
            code: (await failed.first().getAttribute('data-error-code')) ?? undefined,
          };
        return null;
      },
      async readBack({ baseUrl, user }) {
        const res = await fetch(`${baseUrl}/__testkit/customers/${encodeURIComponent(user)}`);
        return res.ok ? res.json() : null;
      },
    },
  },
});
