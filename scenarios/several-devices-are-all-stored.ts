import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';

export default defineScenario({
  name: 'stores every device of a manufacturer account with several heat pumps',
  rule: 'The callback’s device_ids lists every device connected in the session, and a NOX user can have several devices; the supplier keeps all of them, not just the first.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['happy-path', 'v2', 'hp', 'data'],
  async run(t) {
    const { noxUser } = await connectWithoutNoxPages(t, { username: t.username('devices3') });
    t.expect.that(
      noxUser.device_ids.length === 3,
      'NOX to have linked the account’s 3 devices',
      `it linked ${noxUser.device_ids.length}`,
    );
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
