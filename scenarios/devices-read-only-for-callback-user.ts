import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeCalls } from './support/describe-calls.ts';
import { deviceReads, expectFilteredDeviceReads } from './support/expect-filtered-device-reads.ts';

export default defineScenario({
  name: 'reads the devices of the callback’s NOX user after the callback, and only that user’s',
  rule: 'After the link, NOX’s data becomes available on the data API; the integrator fetches the devices per user_id (or device_id) it received in the callback. A read without that filter lists every customer’s devices.',
  docs: 'https://docs.nox.energy/guides/full-control-package',
  severity: 'required',
  tags: ['data', 'v2', 'hp'],
  async run(t) {
    const { noxUser } = await connectWithoutNoxPages(t);
    await expectFilteredDeviceReads(t, noxUser.id);
    const reads = await t.journal({ method: 'GET', path: deviceReads });
    const others = reads.filter((e) => e.request.query.user_id !== noxUser.id);
    t.expect.that(
      others.length === 0,
      `device reads for NOX user ${noxUser.id} only`,
      `the supplier also made ${describeCalls(others)}`,
    );
    await t.expect.fetchedDevicesFor(noxUser.id);
  },
});
