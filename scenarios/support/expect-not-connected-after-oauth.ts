import type { ScenarioContext, SupplierAuthSeen } from '../../harness/index.ts';
import { describeOAuthEnd, oauthEnd } from './oauth-end.ts';

/**
 * After a login on the supplier's OAuth page that NOX refused (expired or replayed state): whatever page the
 * user ends on, NOX's return page or the supplier's own, must not say connected, and the supplier must not
 * have stored the customer as connected (as its readBack says, when the adapter has one).
 */
export async function expectNotConnectedAfterOAuth(
  t: ScenarioContext,
  seen: SupplierAuthSeen,
): Promise<void> {
  const end = await oauthEnd(t, seen);
  // Neither page is no pass: the user must be told (by NOX's return page or the supplier's own).
  const failureShown =
    ('nox' in end && end.nox.outcome === 'failed') || ('supplier' in end && end.supplier.status === 'failed');
  t.expect.that(failureShown, 'the user to be shown that the link failed', describeOAuthEnd(end));
  // Without readBack the page and NOX's answers to the supplier's POSTs (the caller checks them) are the evidence.
  if (!t.supplier.has('readBack'))
    return t.notChecked(`that the supplier stored no connection for customer ${t.user}`, 'readBack');
  const stored = await t.supplier.readBack();
  t.expect.that(
    (stored?.nox_user_id ?? null) === null && stored?.status !== 'connected',
    `the supplier to store no connection for customer ${t.user}`,
    `it stored ${stored?.status ? `status "${stored.status}", ` : ''}NOX user ${stored?.nox_user_id ?? 'none'}`,
  );
}
