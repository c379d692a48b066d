import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';

export default defineScenario({
  name: 'keeps the same NOX user and replaces the devices when a customer links again with another account',
  rule: 'When the same supplier_user_id authenticates again, NOX overwrites the devices with the new ones and keeps the same NOX user_id (v1 guide; the mock applies it to v2).',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['relink', 'v2', 'hp'],
  async run(t) {
    const { noxUser: first } = await connectWithoutNoxPages(t);
    const { noxUser: second } = await connectWithoutNoxPages(t);
    t.expect.that(
      second.id === first.id,
      `NOX to keep NOX user ${first.id} for the customer`,
      `it mapped the customer to ${second.id}`,
    );
    await t.expect.readBack({ nox_user_id: first.id, device_ids: second.device_ids });
  },
});
