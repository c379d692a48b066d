import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';

export default defineScenario({
  name: 'maps each customer to its own NOX user when one manufacturer account is linked under two customers',
  rule: 'The same asset authenticated under two different supplier_user_ids makes two different NOX user_ids; each customer must keep its own (v1 guide; the mock applies it to v2).',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['relink', 'v2', 'hp'],
  async run(t) {
    const account = t.username();
    const first = t.user;
    const { noxUser: firstNox } = await connectWithoutNoxPages(t, { username: account });
    t.actAs();
    const { noxUser: secondNox } = await connectWithoutNoxPages(t, { username: account });
    t.expect.that(
      secondNox.id !== firstNox.id,
      'NOX to make a second NOX user for the second customer',
      `both customers are mapped to ${firstNox.id}`,
    );
    await t.expect.readBack({ nox_user_id: secondNox.id, device_ids: secondNox.device_ids });
    t.actAs(first);
    await t.expect.readBack({ nox_user_id: firstNox.id, device_ids: firstNox.device_ids });
  },
});
