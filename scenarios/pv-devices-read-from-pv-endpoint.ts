import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeCalls } from './support/describe-calls.ts';
import { deviceReads, expectFilteredDeviceReads } from './support/expect-filtered-device-reads.ts';

export default defineScenario({
  name: 'reads solar devices from /v1/devices/pv for the callback’s NOX user',
  rule: 'Solar inverters (asset_type pv) are listed by GET /v1/devices/pv, not by GET /v1/devices (heat pumps); the supplier reads them for the NOX user of the callback.',
  docs: 'https://docs.nox.energy/api-docs/pv/asset-info/get-devices-pv',
  severity: 'required',
  tags: ['data', 'pv', 'v2'],
  async run(t) {
    const { noxUser } = await connectWithoutNoxPages(t, { assetType: 'pv', brand: 'sma' });
    await expectFilteredDeviceReads(t, noxUser.id);
    const reads = await t.journal({ method: 'GET', path: deviceReads });
    t.expect.that(
      reads.some(
        (e) =>
          e.request.path === '/v1/devices/pv' &&
          e.request.query.user_id === noxUser.id &&
          e.response.status === 200,
      ),
      `a GET /v1/devices/pv?user_id=${noxUser.id} after the callback`,
      `the supplier made ${describeCalls(reads)}`,
    );
  },
});
