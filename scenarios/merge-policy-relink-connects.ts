import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeCalls } from './support/describe-calls.ts';

export default defineScenario({
  name: 'connects a relink when NOX merges the devices, and reads the NOX user’s devices again',
  rule: 'Modelled by nox-testkit: NOX’s v2 relinking rule is not public; under a merge policy a relink keeps the NOX user and adds the new devices to the old ones, so the supplier must read the user’s devices from the data API rather than trust the callback alone.',
  severity: 'advisory',
  tags: ['relink', 'policy', 'data', 'v2', 'hp'],
  needs: ['readBack'],
  exclusive: true,
  async run(t) {
    await t.platform.setPolicies({ same_supplier_user: 'merge' });
    const { noxUser: first } = await connectWithoutNoxPages(t);
    const relinkStart = (await t.journal()).at(-1)?.id ?? 0;
    const { noxUser: merged } = await connectWithoutNoxPages(t);
    t.expect.that(
      merged.id === first.id,
      `NOX to keep NOX user ${first.id} for the customer`,
      `it mapped the customer to ${merged.id}`,
    );
    await t.expect.readBack({ nox_user_id: first.id });
    const reads = (await t.journal({ method: 'GET', path: /^\/v1\/devices(\/pv)?$/ })).filter(
      (e) => e.id > relinkStart,
    );
    t.expect.that(
      reads.some((e) => e.request.query.user_id === first.id && e.response.status === 200),
      `a GET /v1/devices?user_id=${first.id} after the relink’s callback`,
      `after the relink the supplier made ${describeCalls(reads)}`,
    );
  },
});
