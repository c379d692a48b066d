import type { AdapterNeed } from '../config/supplier-adapter.ts';
import type { ScenarioContext } from './scenario-context.ts';

/** How the user got linked: from the supplier's app (flow 1) or from the manufacturer's or NOX's app (flow 2). */
export type Flow = 'supplier-app' | 'manufacturer-app';

/** Required: a documented NOX behaviour the supplier must handle; advisory: hardening and best practice. */
export type Severity = 'required' | 'advisory';

export interface ScenarioDefinition {
  /** A sentence saying what the supplier does, e.g. "shows an error when the user cancels at the manufacturer". */
  name: string;
  /** The documented rule or the risk the scenario checks. */
  rule: string;
  /** Where the rule is documented. */
  docs?: string;
  severity: Severity;
  tags: string[];
  /** The flow the scenario exercises (default supplier-app); the summary names a flow none of whose scenarios ran. */
  flow?: Flow;
  /** Adapter hooks (or paths) beyond startConnection/readOutcome the scenario needs; without them it is skipped. */
  needs?: AdapterNeed[];
  /** Changes organisation-wide state (clock, policies, faults), so it runs while no other scenario does. */
  exclusive?: boolean;
  run(t: ScenarioContext): Promise<void>;
}

export interface Scenario extends ScenarioDefinition {
  /** A stable id: the file name without extension. */
  id: string;
}

/** Declares a scenario; the default export of a file in scenarios/ (or in your config's scenarioDirs). */
export function defineScenario(definition: ScenarioDefinition): ScenarioDefinition {
  return definition;
}
