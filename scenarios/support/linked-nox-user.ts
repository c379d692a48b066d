import type { ScenarioContext } from '../../harness/index.ts';

/** A NOX user as the mock has it: its id and the devices linked to it. */
export interface NoxUser {
  id: string;
  device_ids: string[];
}

/** The NOX user the current customer is mapped to; fails the scenario when NOX linked none. */
export async function linkedNoxUser(t: ScenarioContext): Promise<NoxUser> {
  const noxUser = await t.platform.noxUser();
  t.expect.that(
    noxUser !== null,
    `NOX to have linked customer ${t.user} to a NOX user`,
    'NOX has no user for this customer',
  );
  return noxUser as NoxUser;
}
