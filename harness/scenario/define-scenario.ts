import type { HookName } from '../config/supplier-adapter.ts';
import type { ScenarioContext } from './scenario-context.ts';

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
  /** Adapter hooks beyond startConnection/readOutcome the scenario needs; without them it is skipped. */
  needs?: HookName[];
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
