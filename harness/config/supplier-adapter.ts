import type { Page } from 'playwright-core';

export type AssetType = 'hp' | 'pv';
export type Language = 'nl' | 'en' | 'fr' | 'es';

/** What every hook gets: the scenario's browser page, the supplier's base URL and the customer acting. */
export interface HookContext {
  page: Page;
  /** The supplier app's origin, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** The supplier's own id of the customer this scenario acts as (fresh per scenario). */
  user: string;
}

export interface ConnectOptions {
  assetType: AssetType;
  brand?: string;
  language?: Language;
}

/** What the supplier's page shows after the user came back from NOX. */
export type SupplierOutcome = { status: 'connected' } | { status: 'failed'; code?: string };

/** What the supplier stored for a customer, as its own read-back reports it. */
export interface ReadBack {
  nox_user_id: string | null;
  device_ids: string[];
  /**
   * Optional: whether the supplier treats the customer as connected to NOX now. After a cancel, an expiry or
   * any failure it must not be 'connected' (scenarios check it when given).
   */
  status?: 'connected' | 'not_connected';
  /**
   * Optional: the X-Webhook-Id of every NOX webhook delivery the supplier acted on for this customer, one
   * entry per time it acted, oldest first (so a delivery processed twice shows twice). The webhook
   * scenarios that check "processed once" need it.
   */
  webhook_ids?: string[];
}

/** The comfort settings the supplier's own page shows the customer now (hook readSettings). */
export interface SettingsShown {
  preferredTemperature?: number;
  /** Hot-water bounds in absolute °C, as NOX's dhw.temperature_lower_bound / _upper_bound. */
  dhw?: { lower: number; upper: number };
  optimisation?: 'none' | 'pv_self_consumption' | 'dynamic_tariff' | 'flex_trading';
}

/** A settings change the user makes on the supplier's settings page. */
export interface SettingsChange {
  preferredTemperature?: number;
  dhw?: { lower: number; upper: number };
  optimisation?: 'none' | 'pv_self_consumption' | 'dynamic_tariff' | 'flex_trading';
}

/** How the harness drives the supplier's app: its hooks (docs/adapter.md). */
export interface SupplierHooks {
  /** Logs in as `ctx.user` and starts "connect my heat pump / solar panels"; the browser should end on NOX. */
  startConnection(ctx: HookContext, options: ConnectOptions): Promise<void>;
  /** Recognises the supplier's "connected" and "failed" pages; null while the page shows neither. */
  readOutcome(ctx: HookContext): Promise<SupplierOutcome | null>;
  /** Optional: what the supplier stored for `ctx.user` (scenarios that need it are skipped without it). */
  readBack?(ctx: HookContext): Promise<ReadBack | null>;
  /** Optional: changes settings the way the user would in the supplier's app (settings scenarios need it). */
  changeSettings?(ctx: HookContext, change: SettingsChange): Promise<void>;
  /** Optional: what the supplier's settings page shows the customer now (settings-sync scenarios need it). */
  readSettings?(ctx: HookContext): Promise<SettingsShown>;
  /**
   * Optional, for the manufacturer-app flow: the browser is on your OAuth login page (your
   * `oauthLoginPath`), where NOX sent it with `state`, `redirect_uri` and `language`; log in as `ctx.user`
   * and accept your terms. Return once submitted: the harness waits for the browser to get back to NOX.
   */
  logInOnOAuthPage?(ctx: HookContext): Promise<void>;
  /**
   * Optional, for the manufacturer-app flow: on your OAuth login page, log in as `ctx.user` and refuse
   * your terms (or cancel). Your app should send the browser to `redirect_uri?error=access_denied&state=…`.
   */
  refuseOnOAuthPage?(ctx: HookContext): Promise<void>;
  /**
   * Optional: makes your webhook receiver answer its next delivery with a 5xx, as when its database is
   * down (the "5xx is retried and processed once" scenario needs it).
   */
  failNextWebhook?(ctx: HookContext): Promise<void>;
}

export type HookName = keyof SupplierHooks;

/** What a scenario may need of the adapter beyond the two required hooks: a hook, or a path of the app. */
export type AdapterNeed = HookName | 'oauthLoginPath' | 'webhookPath';

/**
 * What an adapter can lack that leaves a check or a scenario out: a need, or an optional field of readBack's
 * answer (`readBack.status`, `readBack.webhook_ids`), which only a run can tell is missing.
 */
export type AdapterGap = AdapterNeed | `readBack.${'status' | 'webhook_ids'}`;
