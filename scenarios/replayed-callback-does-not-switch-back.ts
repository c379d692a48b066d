import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';

export default defineScenario({
  name: 'ignores an old callback opened again after the customer connected another account',
  rule: 'Risk: a callback URL stays valid-looking forever (no signature, no one-time token in it). The supplier should accept a callback only for a link it is waiting for, so replaying an old one cannot switch the customer back to old devices.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'advisory',
  tags: ['security', 'relink', 'v2', 'hp'],
  needs: ['readBack'],
  async run(t) {
    const { callbackUrl: oldCallback } = await connectWithoutNoxPages(t);
    const { noxUser: current } = await connectWithoutNoxPages(t);
    await t.supplier.open(oldCallback);
    await t.expect.readBack({ nox_user_id: current.id, device_ids: current.device_ids });
  },
});
