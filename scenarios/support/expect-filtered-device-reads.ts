import type { ScenarioContext } from '../../harness/index.ts';

/** The data API's device lists: heat pumps (GET /v1/devices) and solar inverters (GET /v1/devices/pv). */
export const deviceReads = /^\/v1\/devices(\/pv)?$/;

/**
 * Fails when the supplier listed devices without a user_id or device_id filter while the scenario ran.
 * t.journal keeps only calls that name the scenario's customers, so this reads the organisation's whole
 * journal; in parallel runs another scenario's unfiltered read counts too, which is still the same bug.
 */
export async function expectFilteredDeviceReads(t: ScenarioContext, noxUserId: string): Promise<void> {
  const unfiltered = (await t.journal({ scope: 'organisation' })).filter(
    (e) =>
      e.request.method === 'GET' &&
      deviceReads.test(e.request.path) &&
      e.request.query.user_id === undefined &&
      e.request.query.device_id === undefined,
  );
  const paths = [...new Set(unfiltered.map((e) => `GET ${e.request.path}`))].join(', ');
  t.expect.that(
    unfiltered.length === 0,
    `every device read to be filtered to the customer’s NOX user (e.g. ?user_id=${noxUserId})`,
    `the supplier made ${paths} without user_id or device_id (${unfiltered.length}× while this scenario ran, other scenarios included), which lists every customer’s devices`,
  );
}
