import type { ManufacturerStartOptions, ScenarioContext } from '../../harness/index.ts';
import { expectConnectedEnd, expectMappedToCustomer } from './expect-linked.ts';

/**
 * A manufacturer-app link started by the manufacturer (`api`: its v2 link session or the deprecated
 * endpoint) and finished on the supplier's OAuth page: the manufacturer's callback names its user and the
 * supplier, and NOX maps the NOX user to the customer who logged in.
 */
export async function linkFromManufacturer(
  t: ScenarioContext,
  api: NonNullable<ManufacturerStartOptions['api']>,
): Promise<void> {
  const manufacturerUserId = t.username();
  await t.manufacturer.startConnection({ api, manufacturerUserId });
  await t.supplier.logInOnOAuthPage();
  const end = expectConnectedEnd(t, await t.manufacturer.result(), 'the manufacturer’s app');
  t.expect.that(
    end.manufacturer_user_id === manufacturerUserId && end.supplier !== '',
    `the manufacturer’s callback data to name its user ${manufacturerUserId} and the supplier`,
    `it names manufacturer user ${end.manufacturer_user_id ?? 'none'} and supplier "${end.supplier}"`,
  );
  await expectMappedToCustomer(t, end);
}
