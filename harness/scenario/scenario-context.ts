import type { Page } from 'playwright-core';
import type {
  CompleteInput,
  Faults,
  JournalEntry,
  LinkSession,
  PolicyChanges,
  RouteFault,
  SettingsInForce,
  UserSettingsChange,
  WebhookDelivery,
} from '../../openapi/wire-types.ts';
import type {
  AdapterGap,
  AdapterNeed,
  ConnectOptions,
  Language,
  ReadBack,
  SettingsChange,
  SettingsShown,
  SupplierOutcome,
} from '../config/supplier-adapter.ts';

/** The checks a scenario makes; each failure says what was expected, what happened and which rule it is. */
export interface Expectations {
  /** The supplier shows the user is connected. */
  connected(): Promise<void>;
  /** The supplier shows a failure; when its page names a NOX error code, it must be one of `codes`. */
  failed(...codes: string[]): Promise<void>;
  /**
   * The supplier stored this NOX user (and these devices) for the current customer, as its readBack says.
   * Without readBack, in flow 1, its device reads are the evidence (it read this user's devices, or none
   * after the customer's last visit for `nox_user_id: null`), and the report says what was not checked.
   */
  readBack(expected: { nox_user_id: string | null; device_ids?: string[] }): Promise<void>;
  /** After the callback the supplier read the data API for this NOX user, and only for it. */
  fetchedDevicesFor(noxUserId: string): Promise<void>;
  /** A free-form check. */
  that(ok: boolean, expected: string, actual: string): void;
}

export interface JournalFilter {
  method?: string;
  path?: string | RegExp;
  scope?: 'customers' | 'organisation';
}

/** A NOX link session the supplier created, as the journal recorded the call and the mock's state has it. */
export type LinkSessionSeen = Pick<LinkSession, 'token' | 'error' | 'nox_user_id' | 'device_ids'> & {
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  /** 'unknown' when the journal shows the session but the mock's state no longer has it. */
  status: LinkSession['status'] | 'unknown';
};

/**
 * The faults a scenario sets. A route's method is any string here, not the spec's enum: scenarios build
 * routes in variables (which widen to string), and the mock itself answers 400 naming a wrong method.
 */
export type ScenarioFaults = Omit<Faults, 'routes'> & {
  routes?: (Omit<RouteFault, 'method'> & { method: string })[];
};

/** The start of a manufacturer-app (flow 2) link: the supplier-auth session NOX opened for the supplier. */
export interface SupplierAuthSeen {
  /** The session's `state`, as NOX put it on the supplier's OAuth URL. */
  state: string;
  /** The supplier's oauth_login_url with state, redirect_uri and language, as NOX sent the browser there. */
  oauthUrl: string;
  /** The NOX user of the manufacturer account. */
  nox_user_id: string | null;
  device_ids: string[];
}

/**
 * How a manufacturer-app link ended, as the party that started it sees it: the manufacturer's app (NOX's
 * redirect to its redirect_url, `data` decoded) or NOX's web app (its success or failure page).
 */
export type LinkEnd =
  | {
      outcome: 'connected';
      nox_user_id: string;
      /** Null on NOX's web app, which has no manufacturer user id to report. */
      manufacturer_user_id: string | null;
      supplier: string;
      device_ids: string[];
    }
  | { outcome: 'failed'; error: string; error_description?: string };

export interface ManufacturerStartOptions {
  /** `v2`: POST /v2/manufacturer/link-sessions (default); `deprecated`: POST /manufacturers/suppliers. */
  api?: 'v2' | 'deprecated';
  /** A heat-pump brand slug the manufacturer makes (default daikin). */
  brand?: string;
  /** The manufacturer's own id of its user (default fresh); its username rules pick the devices. */
  manufacturerUserId?: string;
  language?: Language;
}

export interface WebAppStartOptions {
  /** The brand the user signs in with on NOX's web app (default daikin). */
  brand?: string;
  /** The fake manufacturer username (default fresh: one heat pump). */
  username?: string;
  language?: Language;
}

/** What a scenario works with: `t` in `run(t)`. Everything is scoped to the scenario's own customers. */
export interface ScenarioContext {
  /** The supplier customer the scenario acts as now (fresh per scenario). */
  readonly user: string;
  /** Switches to another (fresh, unless given) customer of the supplier; returns its id. */
  actAs(user?: string): string;
  /** A fresh manufacturer username with tags, e.g. username('devices3') → "m4k2x9+devices3". */
  username(...tags: string[]): string;
  /** The scenario's own browser page. */
  readonly page: Page;
  /**
   * Ends the scenario as skipped, with the reason in the report; `missing` names what the adapter lacks for
   * it (e.g. `readBack.status`), so the summary counts it under what to add.
   */
  skip(reason: string, missing?: AdapterGap[]): never;
  /**
   * Records a check left out because the adapter lacks what it reads (e.g. readBack): the scenario goes on
   * with its other evidence, and the report lists the check as not checked.
   */
  notChecked(check: string, missing: AdapterGap): Promise<void>;
  /** Records a named step with a screenshot after it. */
  step<T>(name: string, action: () => Promise<T>): Promise<T>;

  /** The supplier's app, through the adapter's hooks. */
  supplier: {
    /** Logs in as the current customer and starts connecting (hook startConnection). */
    startConnection(options?: Partial<ConnectOptions>): Promise<void>;
    /** Waits until the supplier shows connected or failed (hook readOutcome). */
    outcome(): Promise<SupplierOutcome>;
    /** What the supplier stored for the current customer (hook readBack). */
    readBack(): Promise<ReadBack | null>;
    /** Opens a URL in the browser (e.g. a forged callback). */
    open(url: string): Promise<void>;
    /** Changes settings in the supplier's app (hook changeSettings). */
    changeSettings(change: SettingsChange): Promise<void>;
    /** What the supplier's settings page shows the current customer (hook readSettings). */
    readSettings(): Promise<SettingsShown>;
    /** On the supplier's OAuth page: logs in as the current customer and accepts the terms (hook logInOnOAuthPage). */
    logInOnOAuthPage(): Promise<void>;
    /** On the supplier's OAuth page: logs in and refuses the terms (hook refuseOnOAuthPage). */
    refuseOnOAuthPage(): Promise<void>;
    /** Makes the supplier's webhook receiver answer its next delivery with a 5xx (hook failNextWebhook). */
    failNextWebhook(): Promise<void>;
    /** Whether the adapter has an optional hook or path. */
    has(need: AdapterNeed): boolean;
  };

  /** The end user on NOX's own web app (flow 2 started there). */
  webApp: {
    /**
     * In the browser: opens NOX's web app, signs in with a fake manufacturer account, turns on NOX
     * optimisations and chooses this run's supplier; the browser ends on the supplier's OAuth page.
     */
    startConnection(options?: WebAppStartOptions): Promise<SupplierAuthSeen>;
    /** Waits until the browser is back on NOX's web app and reads its success or failure page. */
    result(): Promise<LinkEnd>;
    /** The user changes the current customer's settings on NOX's web app. */
    changeSettings(change: UserSettingsChange): Promise<void>;
  };

  /** A manufacturer and its app (flow 2 started there; settings changed there). */
  manufacturer: {
    /**
     * Creates a manufacturer link session with a manufacturer's key, opens its link_url in the browser and
     * chooses this run's supplier in NOX's selector; the browser ends on the supplier's OAuth page.
     */
    startConnection(options?: ManufacturerStartOptions): Promise<SupplierAuthSeen>;
    /** Waits until NOX sent the browser back to the manufacturer's app and reads what it sent. */
    result(): Promise<LinkEnd>;
    /** Changes the current customer's device settings as their manufacturer (PATCH /v1/devices/settings). */
    changesSettings(change: Record<string, unknown>): Promise<void>;
    /** The settings the manufacturer reads from NOX for the current customer's devices. */
    readsSettings(): Promise<SettingsInForce[]>;
  };

  /** NOX's webhook deliveries to the supplier's webhook_url for this scenario's customers. */
  webhooks: {
    /** The deliveries so far, oldest first, each with every attempt and the supplier's answers. */
    deliveries(): Promise<WebhookDelivery[]>;
    /** Makes the attempts that are due now (advance the clock first to make retries due). */
    deliverDue(): Promise<WebhookDelivery[]>;
    /** Waits until no delivery is waiting for its first attempt or running one; answers them all. */
    settle(): Promise<WebhookDelivery[]>;
    /**
     * POSTs a delivery to the supplier's webhook_url again from outside NOX: `replay` sends its last
     * attempt's exact headers and body, `forged` a new event (fresh id and X-Webhook-Id, another value)
     * with a fresh timestamp and a wrong signature.
     * Answers the supplier's HTTP status.
     */
    resend(delivery: WebhookDelivery, how: 'replay' | 'forged'): Promise<number>;
  };

  /** The end user on NOX's pages. */
  nox: {
    chooseBrand(slug: string): Promise<void>;
    logIn(username: string, password?: string): Promise<void>;
    enterCode(code?: string): Promise<void>;
    cancel(): Promise<void>;
    /** The latest link session the supplier created for the current customer. */
    latestLinkSession(): Promise<LinkSessionSeen>;
  };

  /** The platform: the mock's control API for this run's organisation. */
  platform: {
    advanceClock(seconds: number): Promise<void>;
    setPolicies(changes: PolicyChanges): Promise<void>;
    setFaults(faults: ScenarioFaults): Promise<void>;
    /** Completes a link session without a browser; answers the URL the browser would be sent to. */
    complete(token: string, body: CompleteInput): Promise<string | null>;
    /** The NOX user the current customer is mapped to, if any. */
    noxUser(): Promise<{ id: string; device_ids: string[] } | null>;
    /** The settings NOX holds for the current customer's heat pumps (what every party reads). */
    settings(): Promise<SettingsInForce[]>;
    /**
     * Acts as the manufacturer of the customer's devices: changes their settings through the data API with
     * a manufacturer's key, as a manufacturer app would (the supplier's own reads must then show them).
     */
    manufacturerChangesSettings(change: Record<string, unknown>): Promise<void>;
  };

  /**
   * The supplier's calls to NOX during this scenario: those naming this scenario's customers (default), or
   * with scope 'organisation' every call made with the run's key meanwhile (parallel scenarios' included),
   * e.g. to catch a device list read without any user filter.
   */
  journal(filter?: JournalFilter): Promise<JournalEntry[]>;

  expect: Expectations;
}
