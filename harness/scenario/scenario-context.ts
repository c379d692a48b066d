import type { Page } from 'playwright-core';
import type {
  CompleteInput,
  Faults,
  JournalEntry,
  LinkSession,
  PolicyChanges,
  RouteFault,
  SettingsInForce,
} from '../../openapi/wire-types.ts';
import type {
  ConnectOptions,
  HookName,
  ReadBack,
  SettingsChange,
  SupplierOutcome,
} from '../config/supplier-adapter.ts';
import type { Expectations } from './expectations.ts';

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
  /** Ends the scenario as skipped, with the reason in the report. */
  skip(reason: string): never;
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
    /** Whether the adapter has an optional hook. */
    has(hook: HookName): boolean;
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
