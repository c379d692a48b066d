import type { Page } from 'playwright-core';
import type { MockClient } from '../../runner/mock-client.ts';
import type { Scenario } from '../define-scenario.ts';
import type { ScenarioCustomers } from '../scenario-customers.ts';
import type { Step } from '../step-recorder.ts';

/** What every actor of a scenario shares: the scenario, its browser page, the mock, its customers, its steps. */
export interface ActorDeps {
  scenario: Scenario;
  page: Page;
  mock: MockClient;
  organisationId: string;
  customers: ScenarioCustomers;
  step: Step;
}
