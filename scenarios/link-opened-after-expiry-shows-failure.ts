import { defineScenario } from '../harness/index.ts';
import { expectStatusNotConnected } from './support/expect-not-connected-status.ts';

export default defineScenario({
  name: 'shows a failure when the customer opens the link after it expired',
  rule: 'A v2 link session expires 10 minutes after creation (expires_at = created_at + 600). Modelled by nox-testkit: opening an expired link returns to redirect_url with error=session_expired, and the customer is not connected.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['expiry', 'failure', 'v2', 'hp'],
  exclusive: true,
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.platform.advanceClock(601);
    await t.step('Reload NOX’s brand page after the link expired', () => t.page.reload());
    await t.expect.failed('session_expired');
    await t.expect.readBack({ nox_user_id: null });
    // Checked when the read-back has a status (cancel-leaves-customer-not-connected skips without one).
    await expectStatusNotConnected(t, 'the expiry', { notChecked: true });
  },
});
