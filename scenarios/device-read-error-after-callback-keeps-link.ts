import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';

export default defineScenario({
  name: 'keeps the link when NOX’s device read fails right after the callback',
  rule: 'Risk: the link is made once NOX redirects with ?data= (the callback names the NOX user and its devices); a data-API 5xx on the device read that follows is a temporary failure of that read, not of the link. The supplier should keep the customer connected and read again later, not forget the link.',
  docs: 'https://docs.nox.energy/guides/full-control-package',
  severity: 'advisory',
  tags: ['data', 'fault', 'v2', 'hp'],
  exclusive: true,
  async run(t) {
    await t.platform.setFaults({ routes: [{ method: 'GET', path: '/v1/devices', status: 503, times: 1 }] });
    const { noxUser } = await connectWithoutNoxPages(t);
    // Without readBack: the page said connected although the read failed, and the journal shows the read.
    await t.expect.readBack({ nox_user_id: noxUser.id });
    if (!t.supplier.has('readBack')) return;
    const stored = await t.supplier.readBack();
    t.expect.that(
      stored?.status !== 'not_connected',
      `the supplier to still treat customer ${t.user} as connected`,
      'its read-back says status "not_connected"',
    );
  },
});
