// The demo: nox-testkit's built-in scenarios against the reference supplier in examples/ (npm run demo).
// A worked example of an adapter: copy it to your app and change the start command and the hooks.
import { defineConfig, type HookContext } from './harness/index.ts';

/**
 * Logs the scenario's browser in as its customer. page.request shares the browser's cookies, so the
 * session cookie lands in the browser without rendering the dashboard the login redirects to.
 */
async function logIn({ page, baseUrl, user }: HookContext): Promise<void> {
  const res = await page.request.get(`${baseUrl}/login?user=${encodeURIComponent(user)}`, {
    maxRedirects: 0,
  });
  if (res.status() !== 303) throw new Error(`Logging in as ${user} answered ${res.status()}, not 303`);
}

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
      async startConnection(ctx, { assetType, brand, language }) {
        await logIn(ctx);
        const query = new URLSearchParams({
          asset_type: assetType,
          ...(brand ? { brand } : {}),
          ...(language ? { language } : {}),
        });
        await ctx.page.goto(`${ctx.baseUrl}/nox/connect?${query}`);
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
      async changeSettings(ctx, { preferredTemperature, dhw, optimisation }) {
        const { page } = ctx;
        await logIn(ctx);
        await page.goto(`${ctx.baseUrl}/settings`);
        if (preferredTemperature !== undefined)
          await page.fill('#preferred_temperature', String(preferredTemperature));
        if (dhw) {
          await page.fill('#dhw_lower', String(dhw.lower));
          await page.fill('#dhw_upper', String(dhw.upper));
        }
        if (optimisation) await page.check(`input[name="optimization"][value="${optimisation}"]`);
        await page.click('form[data-testid="settings"] button[type="submit"]');
        // The app answers with the settings page again: "saved", or the reasons it (or NOX) refused.
        const errors = page.locator('[data-testid="settings-errors"]');
        await page
          .locator('[data-testid="settings-saved"], [data-testid="settings-errors"]')
          .first()
          .waitFor();
        if (await errors.count())
          throw new Error(
            `The settings were not saved: ${((await errors.textContent()) ?? '').replace(/\s+/g, ' ')}`,
          );
      },
    },
  },
});
