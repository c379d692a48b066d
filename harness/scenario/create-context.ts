import type { Page } from 'playwright-core';
import type { Organisation } from '../../openapi/wire-types.ts';
import type { SupplierAdapter } from '../config/define-config.ts';
import { ScenarioSkipped } from '../errors.ts';
import type { NotChecked, StepRecord } from '../report/run-result.ts';
import type { MockClient } from '../runner/mock-client.ts';
import type { ActorDeps } from './actors/actor-deps.ts';
import type { Flow2Deps } from './actors/flow2-deps.ts';
import { createManufacturerActor } from './actors/manufacturer-actor.ts';
import type { ManufacturerOrgs } from './actors/manufacturer-orgs.ts';
import { createNoxUserActor } from './actors/nox-user-actor.ts';
import { createPlatformActor } from './actors/platform-actor.ts';
import { createSupplierActor } from './actors/supplier-actor.ts';
import { createWebAppActor } from './actors/web-app-actor.ts';
import { createWebhooksActor } from './actors/webhooks-actor.ts';
import { adapterHas } from './adapter-needs.ts';
import { createCustomerVisits } from './customer-visits.ts';
import type { Scenario } from './define-scenario.ts';
import { createExpectations } from './expectations.ts';
import type { HookTracker } from './hook-failure.ts';
import { scopeOf } from './journal-scope.ts';
import { createJournalView } from './journal-view.ts';
import { createKeylessDataCalls } from './keyless-data-calls.ts';
import { findLatestLinkSession } from './latest-link-session.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { createScenarioCustomers, freshTag } from './scenario-customers.ts';
import { createStepRecorder } from './step-recorder.ts';

export interface ContextDeps {
  scenario: Scenario;
  page: Page;
  adapter: SupplierAdapter;
  supplierUrl: string;
  mock: MockClient;
  organisationId: string;
  /** The run's organisation as created (flow 2 reads its oauth_login_url and webhook_url). */
  organisation: Organisation;
  manufacturers: ManufacturerOrgs;
  /** The manufacturer app's redirect_url. */
  manufacturerCallbackUrl: string;
  /** NOX's origin as the supplier's app was given it (default the mock's URL). */
  noxUrl?: string;
  /** Journal entries with a higher id happened during this scenario. */
  journalStart: number;
  reportDir: string;
  steps: StepRecord[];
  /** Filled in as the scenario leaves checks out for what the adapter lacks. */
  notChecked: NotChecked[];
  /** Told which of the adapter's hooks runs, so a timeout inside one names it. */
  hookTracker?: HookTracker;
  /** The context is traced: each step becomes a group of the trace. */
  traced?: boolean;
}

/** "the adapter has no readBack hook", "the adapter's readBack reports no status". */
export function describeGap(missing: string): string {
  const field = /^readBack\.(.+)$/.exec(missing)?.[1];
  if (field) return `the adapter’s readBack reports no ${field}`;
  return /Path$/.test(missing) ? `the adapter has no ${missing}` : `the adapter has no ${missing} hook`;
}

/**
 * Builds `t` for one scenario run from its actors (supplier, NOX user, platform, web app, manufacturer,
 * webhooks), its
 * journal view and its steps. A new flow adds an actor here rather than growing one of them.
 */
export function createScenarioContext(deps: ContextDeps): ScenarioContext {
  const { scenario, page, mock, organisationId } = deps;
  const customers = createScenarioCustomers(scenario.id);
  const step = createStepRecorder({
    scenarioId: scenario.id,
    page,
    reportDir: deps.reportDir,
    steps: deps.steps,
    traced: deps.traced,
  });
  const actors: ActorDeps = { scenario, page, mock, organisationId, customers, step };
  const flow2: Flow2Deps = {
    ...actors,
    organisation: deps.organisation,
    manufacturers: deps.manufacturers,
    manufacturerCallbackUrl: deps.manufacturerCallbackUrl,
    authStates: new Set(),
    noxUrl: deps.noxUrl ?? mock.baseUrl,
  };
  const journal = createJournalView({
    mock,
    organisationId,
    journalStart: deps.journalStart,
    customers: customers.all,
    authStates: flow2.authStates,
  });
  const manufacturer = createManufacturerActor(flow2);
  const visits = createCustomerVisits(
    mock,
    organisationId,
    deps.journalStart,
    !adapterHas(deps.adapter, 'readBack'),
  );
  const latestLinkSession = () =>
    findLatestLinkSession({ scenario, mock, organisationId, journal }, customers.current());

  const t: Omit<ScenarioContext, 'expect'> = {
    get user() {
      return customers.current();
    },
    actAs: customers.actAs,
    skip: (reason, missing = []) => {
      throw new ScenarioSkipped(reason, missing);
    },
    notChecked: async (check, missing) => {
      deps.notChecked.push({ check, missing });
      await step(`Not checked: ${check} (${describeGap(missing)})`, async () => undefined, false);
    },
    username: (...tags) => [`m${freshTag()}`, ...tags].join('+'),
    page,
    step,
    supplier: createSupplierActor({
      ...actors,
      adapter: deps.adapter,
      supplierUrl: deps.supplierUrl,
      visits,
      hookTracker: deps.hookTracker,
    }),
    nox: createNoxUserActor(actors, latestLinkSession),
    platform: createPlatformActor(actors, manufacturer),
    webApp: createWebAppActor(flow2),
    manufacturer,
    webhooks: createWebhooksActor(flow2),
    journal,
  };
  return {
    ...t,
    // Spreading `t` read the getter once; `user` must follow actAs.
    get user() {
      return customers.current();
    },
    expect: createExpectations(t, scenario, {
      keylessDataCalls: createKeylessDataCalls(mock, deps.journalStart, () =>
        scopeOf(mock, organisationId, customers.all, flow2.authStates),
      ),
      visits,
    }),
  };
}
