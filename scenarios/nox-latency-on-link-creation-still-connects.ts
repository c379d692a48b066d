import { defineScenario } from '../harness/index.ts';
import { linkedNoxUser } from './support/linked-nox-user.ts';

export default defineScenario({
  name: 'still connects when NOX takes 3 seconds to create the link session',
  rule: 'Risk: a slow NOX answer (3 s on the link-session call) must not make the supplier give up or fail the connection; its timeout should allow for it.',
  docs: 'https://docs.nox.energy/api-docs/supplier-integration/supplier/create-supplier-link-session',
  severity: 'advisory',
  tags: ['fault', 'v2', 'hp'],
  exclusive: true,
  async run(t) {
    const slow = { method: 'POST', latency_ms: 3000, times: 1 };
    await t.platform.setFaults({
      routes: [
        { ...slow, path: '/v2/supplier/link-sessions' },
        { ...slow, path: `/users/${encodeURIComponent(t.user)}/link` },
      ],
    });
    await t.supplier.startConnection({ assetType: 'hp' });
    await t.nox.chooseBrand('daikin');
    await t.nox.logIn(t.username());
    await t.expect.connected();
    const noxUser = await linkedNoxUser(t);
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
