import type { Faults } from '../../../openapi/wire-types.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import type { ActorDeps } from './actor-deps.ts';

/** The platform: the mock's control API for the run's organisation, seen as the current customer. */
export function createPlatformActor(
  deps: ActorDeps,
  manufacturer: ScenarioContext['manufacturer'],
): ScenarioContext['platform'] {
  const { mock, organisationId: org, step, customers } = deps;
  // Platform steps change nothing on screen, so they take no screenshot.
  const platformStep = (name: string, action: () => Promise<void>) => step(name, action, false);
  const mine = async () => {
    const s = await mock.state(org);
    const user = customers.current();
    return { s, user, noxUser: s.nox_users.find((u) => u.supplier_user_id === user) };
  };
  return {
    advanceClock: (seconds) =>
      platformStep(`Advance NOX's clock by ${seconds} s`, () => mock.advanceClock(org, seconds)),
    setPolicies: (changes) =>
      platformStep(`Set NOX policies ${JSON.stringify(changes)}`, () => mock.setPolicies(org, changes)),
    // A scenario's route method is any string (see ScenarioFaults); the mock answers 400 for a wrong one.
    setFaults: (faults) =>
      platformStep(`Set NOX faults ${JSON.stringify(faults)}`, () => mock.setFaults(org, faults as Faults)),
    complete: async (token, body) => (await mock.complete(token, body)).redirect_url,
    settings: async () => {
      const { s, user } = await mine();
      const ids = new Set(s.nox_users.filter((u) => u.supplier_user_id === user).map((u) => u.id));
      return s.settings_in_force.filter((row) => ids.has(row.nox_user_id));
    },
    // Kept for the scenarios written before t.manufacturer: the same call, as the customer's manufacturer.
    manufacturerChangesSettings: (change) => manufacturer.changesSettings(change),
    noxUser: async () => {
      const { s, noxUser } = await mine();
      if (!noxUser) return null;
      return {
        id: noxUser.id,
        device_ids: s.devices.filter((d) => d.nox_user_id === noxUser.id).map((d) => d.device_id),
      };
    },
  };
}
