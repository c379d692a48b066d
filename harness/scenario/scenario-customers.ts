import { randomBytes } from 'node:crypto';

/** A short random tag, so ids stay unique across scenarios, attempts and parallel workers. */
export const freshTag = () => randomBytes(4).toString('hex');

/** The supplier customers one scenario acts as: fresh ids, the current one, and all it has used. */
export interface ScenarioCustomers {
  /** The customer the scenario acts as now. */
  current(): string;
  /** Every customer the scenario has acted as, for scoping the journal. */
  readonly all: ReadonlySet<string>;
  /** Switches to another (fresh, unless given) customer; returns its id. */
  actAs(user?: string): string;
}

/** Starts with one fresh customer, named after the scenario so a report or journal shows whose it is. */
export function createScenarioCustomers(scenarioId: string): ScenarioCustomers {
  const all = new Set<string>();
  let user = '';
  const actAs = (next = `cust-${scenarioId.slice(0, 24)}-${freshTag()}`) => {
    all.add(next);
    user = next;
    return next;
  };
  actAs();
  return { current: () => user, all, actAs };
}
