import { defineScenario } from '../../harness/index.ts';
import { saw } from './support/doctor-steps.ts';

export default defineScenario({
  name: "startConnection brings the browser to NOX's brand choice",
  rule: 'startConnection must log in as ctx.user (any id: a fresh one per scenario) and start your app\'s "connect", so that your backend creates a link session and the browser ends on the link_url NOX answered. Let your test login take any customer id, and return once the browser is on its way.',
  severity: 'required',
  tags: ['startConnection'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    const session = await t.nox.latestLinkSession();
    const sent = JSON.stringify(session.request);
    await saw(
      t,
      `your app created link session ${session.token.slice(0, 8)}… with ${sent}, and the browser reached NOX's brand choice`,
    );
  },
});
