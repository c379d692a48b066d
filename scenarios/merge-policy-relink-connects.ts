import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeCalls } from './support/describe-calls.ts';
import { deviceReads } from './support/expect-filtered-device-reads.ts';

export default defineScenario({
  name: 'connects a relink when NOX merges the devices, and reads the NOX user’s devices again',
  rule: 'Modelled by nox-testkit: NOX’s v2 relinking rule is not public; under a merge policy a relink keeps the NOX user and adds the new devices to the old ones, so the supplier must read the user’s devices from the data API rather than trust the callback alone.',
  docs: 'README.md#modelled-not-documented-by-nox',
  severity: 'advisory',
  tags: ['relink', 'policy', 'data', 'v2', 'hp'],
  exclusive: true,
  async run(t) {
    await t.platform.setPolicies({ same_supplier_user: 'merge' });
    const { noxUser: first } = await connectWithoutNoxPages(t);
    // The organisation's journal, not only calls naming the customer: an unfiltered device read counts as
    // a read too, and must show up in the failure message (the scenario is exclusive: nothing else runs).
    const relinkStart = (await t.journal({ scope: 'organisation' })).at(-1)?.id ?? 0;
    const { noxUser: merged } = await connectWithoutNoxPages(t);
    t.expect.that(
      merged.id === first.id,
      `NOX to keep NOX user ${first.id} for the customer`,
      `it mapped the customer to ${merged.id}`,
    );
    await t.expect.readBack({ nox_user_id: first.id });
    const reads = (await t.journal({ scope: 'organisation', method: 'GET', path: deviceReads })).filter(
      (e) => e.id > relinkStart,
    );
    const unfiltered = reads.some(
      (e) => e.request.query.user_id === undefined && e.request.query.device_id === undefined,
    );
    t.expect.that(
      reads.some((e) => e.request.query.user_id === first.id && e.response.status === 200),
      `a GET /v1/devices?user_id=${first.id} after the relink’s callback`,
      `after the relink the supplier made ${reads.length ? describeCalls(reads) : 'no device read at all'}${
        unfiltered ? ' (a read without user_id or device_id lists every customer’s devices)' : ''
      }`,
    );
  },
});
