import type { Page } from 'playwright-core';
import type { SupplierAdapter } from '../config/supplier-adapter.ts';
import { ScenarioSkipped } from '../errors.ts';
import type { StepRecord } from '../report/run-result.ts';
import type { MockClient } from '../runner/mock-client.ts';
import type { ActorDeps } from './actors/actor-deps.ts';
import { createManufacturerActor } from './actors/manufacturer-actor.ts';
import { createNoxUserActor } from './actors/nox-user-actor.ts';
import { createPlatformActor } from './actors/platform-actor.ts';
import { createSupplierActor } from './actors/supplier-actor.ts';
import type { Scenario } from './define-scenario.ts';
import { createExpectations } from './expectations.ts';
import { createJournalView } from './journal-view.ts';
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
  /** Journal entries with a higher id happened during this scenario. */
  journalStart: number;
  reportDir: string;
  steps: StepRecord[];
}

/**
 * Builds `t` for one scenario run from its actors (supplier, NOX user, platform, manufacturer), its
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
  });
  const actors: ActorDeps = { scenario, page, mock, organisationId, customers, step };
  const journal = createJournalView({
    mock,
    organisationId,
    journalStart: deps.journalStart,
    customers: customers.all,
  });
  const latestLinkSession = () =>
    findLatestLinkSession({ scenario, mock, organisationId, journal }, customers.current());

  const t: Omit<ScenarioContext, 'expect'> = {
    get user() {
      return customers.current();
    },
    actAs: customers.actAs,
    skip: (reason) => {
      throw new ScenarioSkipped(reason);
    },
    username: (...tags) => [`m${freshTag()}`, ...tags].join('+'),
    page,
    step,
    supplier: createSupplierActor({ ...actors, adapter: deps.adapter, supplierUrl: deps.supplierUrl }),
    nox: createNoxUserActor(actors, latestLinkSession),
    platform: createPlatformActor(actors, createManufacturerActor(mock)),
    journal,
  };
  return {
    ...t,
    // Spreading `t` read the getter once; `user` must follow actAs.
    get user() {
      return customers.current();
    },
    expect: createExpectations(t, scenario.rule, scenario.docs),
  };
}
