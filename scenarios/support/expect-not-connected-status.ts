import type { ScenarioContext } from '../../harness/index.ts';

/**
 * Fails when the supplier's read-back says the current customer is connected after `what` (a cancel, an
 * expiry): a supplier that marks customers connected when the link starts still says so afterwards.
 * Answers false when the read-back reports no status, so the caller decides whether that is a skip.
 */
export async function expectStatusNotConnected(t: ScenarioContext, what: string): Promise<boolean> {
  const stored = await t.supplier.readBack();
  const status = stored?.status;
  if (status === undefined) return false;
  t.expect.that(
    status === 'not_connected',
    `the supplier to treat customer ${t.user} as not connected after ${what}`,
    `its read-back says status "${status}" (NOX user ${stored?.nox_user_id ?? 'none'})`,
  );
  return true;
}
