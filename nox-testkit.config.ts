// The demo: nox-testkit's built-in scenarios against the reference supplier in examples/ (npm run demo).
// A worked example of an adapter: copy it to your app and change the start command and the hooks.
import { defineConfig, type HookContext, type SettingsShown } from './harness/index.ts';

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

/** Fills the OAuth page's customer id (the demo's login takes any id) and presses one of its two buttons. */
async function answerOAuthPage({ page, user }: HookContext, button: 'accept-terms' | 'refuse-terms') {
  await page.fill('#customer_id', user);
  await page.click(`[data-testid="${button}"]`);
}

export default defineConfig({
  supplier: {
    name: 'Reference Energy',
    // Started by the harness with NOX_AUTH_URL, NOX_API_URL, NOX_API_KEY and PORT in its env.
    start: {
      command: 'node --import tsx examples/reference-supplier/main.ts',
      // A small page size, so an account with a few devices spans several pages of GET /v1/devices.
      env: { SUPPLIER_FLAW: process.env.SUPPLIER_FLAW ?? '' },
    },
    readyPath: '/health',
    // Flow 2: the run's organisation gets these as its oauth_login_url and webhook_url.
    oauthLoginPath: '/oauth/nox',
    webhookPath: '/nox/webhooks',
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
        // The app's own JSON already has the ReadBack fields: nox_user_id, device_ids, status, webhook_ids.
        const res = await fetch(`${baseUrl}/__testkit/customers/${encodeURIComponent(user)}`);
        return res.ok ? res.json() : null;
      },
      // The harness waits for the browser to get back to NOX after these two.
      logInOnOAuthPage: (ctx) => answerOAuthPage(ctx, 'accept-terms'),
      refuseOnOAuthPage: (ctx) => answerOAuthPage(ctx, 'refuse-terms'),
      async readSettings(ctx) {
        const { page } = ctx;
        await logIn(ctx);
        await page.goto(`${ctx.baseUrl}/settings`);
        const number = async (selector: string) => Number(await page.inputValue(selector));
        const optimisation = await page.locator('input[name="optimization"]:checked').getAttribute('value');
        return {
          preferredTemperature: await number('#preferred_temperature'),
          dhw: { lower: await number('#dhw_lower'), upper: await number('#dhw_upper') },
          optimisation: (optimisation ?? 'none') as SettingsShown['optimisation'],
        };
      },
      async failNextWebhook({ baseUrl, user }) {
        const url = `${baseUrl}/__testkit/customers/${encodeURIComponent(user)}/fail-next-webhook`;
        const res = await fetch(url, { method: 'POST' });
        if (res.status !== 204) throw new Error(`fail-next-webhook answered ${res.status}, not 204`);
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
