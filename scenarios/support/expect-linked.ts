import type { LinkEnd, ScenarioContext } from '../../harness/index.ts';
import { linkedNoxUser, type NoxUser } from './linked-nox-user.ts';

export type Connected = Extract<LinkEnd, { outcome: 'connected' }>;

/** Fails unless the manufacturer-app link ended connected for the party that started it (`where`). */
export function expectConnectedEnd(t: ScenarioContext, end: LinkEnd, where: string): Connected {
  t.expect.that(
    end.outcome === 'connected',
    `${where} to get the link back as connected`,
    end.outcome === 'failed'
      ? `NOX sent it back with error ${end.error}${end.error_description ? ` ("${end.error_description}")` : ''}`
      : 'it was connected',
  );
  return end as Connected;
}

/**
 * After a flow-2 link: NOX mapped its user to the current customer (the user_id the supplier posted), the
 * same user the link ended with, and the supplier stored that user and its devices (when it has readBack).
 */
export async function expectMappedToCustomer(t: ScenarioContext, end: Connected): Promise<NoxUser> {
  const noxUser = await linkedNoxUser(t);
  t.expect.that(
    noxUser.id === end.nox_user_id,
    `NOX to map customer ${t.user} to NOX user ${end.nox_user_id}, the user the link connected`,
    `it mapped the customer to ${noxUser.id}`,
  );
  await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  return noxUser;
}
