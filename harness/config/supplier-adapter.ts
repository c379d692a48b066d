import type { Page } from 'playwright-core';
import type { NoxTestkitConfig } from './define-config.ts';

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
}

/** A settings change the user makes on the supplier's settings page. */
export interface SettingsChange {
  preferredTemperature?: number;
  dhw?: { lower: number; upper: number };
  optimisation?: 'none' | 'pv_self_consumption' | 'dynamic_tariff' | 'flex_trading';
}

/** How the harness drives the supplier's app: the hooks of design.md section 4. */
export interface SupplierHooks {
  /** Logs in as `ctx.user` and starts "connect my heat pump / solar panels"; the browser should end on NOX. */
  startConnection(ctx: HookContext, options: ConnectOptions): Promise<void>;
  /** Recognises the supplier's "connected" and "failed" pages; null while the page shows neither. */
  readOutcome(ctx: HookContext): Promise<SupplierOutcome | null>;
  /** Optional: what the supplier stored for `ctx.user` (scenarios that need it are skipped without it). */
  readBack?(ctx: HookContext): Promise<ReadBack | null>;
  /** Optional: changes settings the way the user would in the supplier's app (settings scenarios need it). */
  changeSettings?(ctx: HookContext, change: SettingsChange): Promise<void>;
  /**
   * Optional, for the manufacturer-app flow (scenarios coming with it): the browser is on your OAuth login
   * page, where NOX sent it with `state` and `redirect_uri`; log in as `ctx.user` and accept your terms.
   */
  logInOnOAuthPage?(ctx: HookContext): Promise<void>;
}

export type HookName = keyof SupplierHooks;

/** How to start the supplier app (or where a running one is), and how it is told where NOX is (config-schema.ts). */
export type SupplierAdapter = NoxTestkitConfig['supplier'];
