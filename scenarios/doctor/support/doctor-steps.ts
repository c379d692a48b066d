import {
  ExpectationFailed,
  type ScenarioContext,
  ScenarioSkipped,
  type SupplierOutcome,
} from '../../../harness/index.ts';
import { connectWithoutNoxPages } from '../../support/connect-without-nox-pages.ts';

/**
 * Records what a check saw as its last step: `nox-testkit doctor` prints it beside the hook. No
 * screenshot: the page is the one the step before left.
 */
export async function saw(t: ScenarioContext, what: string): Promise<void> {
  await t.step(`Saw: ${what}`, async () => undefined);
}

/**
 * Runs the part of a check that only earlier hooks make work (startConnection, readOutcome): when it fails,
 * the check is skipped as "not checked", naming them, so the broken hook is reported once, by its own check.
 */
export async function given<T>(t: ScenarioContext, hooks: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScenarioSkipped) throw error;
    // What went wrong, without the rule an expectation appends: the hooks' own checks explain the rest.
    const what = error instanceof ExpectationFailed ? error.actual : (error as Error).message;
    const first = (what ?? String(error)).split('\n')[0] ?? '';
    const short = first.length > 100 ? `${first.slice(0, 100)}…` : first;
    return t.skip(`not checked: it needs ${hooks}, which did not work here (${short})`);
  }
}

/** startConnection, then the brand choice on NOX's page: the flow-1 start every check after it needs. */
export function reachNox(t: ScenarioContext): Promise<void> {
  return given(t, 'startConnection', async () => {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
  });
}

/** The customer connected without NOX's pages (startConnection, NOX completing the link, readOutcome). */
export function connected(t: ScenarioContext) {
  return given(t, 'startConnection and readOutcome', () => connectWithoutNoxPages(t));
}

/** An outcome as the hook returned it, with the page it was read on. */
export function describeOutcome(outcome: SupplierOutcome, url: string): string {
  return `${JSON.stringify(outcome)} on ${url}`;
}
