import type { ScenarioContext } from '../../harness/index.ts';

/**
 * Fails when the supplier's read-back says the current customer is connected after `what` (a cancel, an
 * expiry): a supplier that marks customers connected when the link starts still says so afterwards.
 * Answers false when there is no read-back or it reports no status: with `notChecked` the check is then
 * recorded as not checked, else the caller decides whether that is a skip.
 */
export async function expectStatusNotConnected(
  t: ScenarioContext,
  what: string,
  { notChecked = false } = {},
): Promise<boolean> {
  const check = `that the supplier treats customer ${t.user} as not connected after ${what}`;
  if (!t.supplier.has('readBack')) {
    if (notChecked) await t.notChecked(check, 'readBack');
    return false;
  }
  const stored = await t.supplier.readBack();
  const status = stored?.status;
  if (status === undefined) {
    if (notChecked) await t.notChecked(check, 'readBack.status');
    return false;
  }
  t.expect.that(
    status === 'not_connected',
    `the supplier to treat customer ${t.user} as not connected after ${what}`,
    `its read-back says status "${status}" (NOX user ${stored?.nox_user_id ?? 'none'})`,
  );
  return true;
}
