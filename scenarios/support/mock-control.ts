import type { ScenarioContext } from '../../harness/index.ts';
import type { JournalEntry } from './describe-calls.ts';
import { linkUrlOf } from './link-session-fields.ts';

/*
 * Two checks need more than `t` offers: calls the supplier made without naming any customer (t.journal
 * keeps only calls that name the scenario's own customers) and the settings NOX holds. Both come from the
 * mock's control API, found at the origin of the link_url NOX gave the supplier.
 */

async function control<T>(t: ScenarioContext, path: string): Promise<T> {
  const session = await t.nox.latestLinkSession();
  const origin = new URL(linkUrlOf(session) ?? '').origin;
  const res = await fetch(`${origin}/__nox${path}`).catch(() => null);
  if (!res?.ok)
    t.skip(
      `this check reads the mock's control API (${origin}/__nox${path}), which answered ${res?.status ?? 'nothing'}`,
    );
  return (await res.json()) as T;
}

/** The organisation of this run, and the first journal id of this scenario's calls. */
async function scopeOf(t: ScenarioContext): Promise<{ organisationId: string; firstId: number }> {
  const first = (await t.journal())[0];
  if (!first?.organisation_id) throw new Error(`The supplier made no call to NOX for customer ${t.user}`);
  return { organisationId: first.organisation_id, firstId: first.id };
}

/** Every call to NOX's data API with the organisation's key since this scenario's first call, whoever it names. */
export async function organisationDataCalls(t: ScenarioContext): Promise<JournalEntry[]> {
  const { organisationId, firstId } = await scopeOf(t);
  const query = `organisation_id=${encodeURIComponent(organisationId)}&area=data&after_id=${firstId - 1}`;
  return (await control<{ entries: JournalEntry[] }>(t, `/journal?${query}&limit=10000`)).entries;
}

interface SettingsRecord {
  nox_user_id: string;
  device_id: string | null;
  room: Record<string, unknown>;
  dhw: Record<string, unknown>;
  optimization_settings: Record<string, unknown>;
}

/** One heat pump's settings as NOX holds them (device level over user level); unset fields are absent. */
export interface SettingsInForce {
  device_id: string;
  room: Record<string, unknown>;
  dhw: Record<string, unknown>;
  optimization_settings: Record<string, unknown>;
}

/** The settings in force for each device of a NOX user: what GET /v1/devices/settings shows every party. */
export async function settingsInForce(
  t: ScenarioContext,
  noxUser: { id: string; device_ids: string[] },
): Promise<SettingsInForce[]> {
  const { organisationId } = await scopeOf(t);
  const state = await control<{ settings: SettingsRecord[] }>(
    t,
    `/state?organisation_id=${encodeURIComponent(organisationId)}`,
  );
  const rows = state.settings.filter((s) => s.nox_user_id === noxUser.id);
  const user = rows.find((r) => r.device_id === null);
  return noxUser.device_ids.map((device_id) => {
    const device = rows.find((r) => r.device_id === device_id);
    return {
      device_id,
      room: { ...user?.room, ...device?.room },
      dhw: { ...user?.dhw, ...device?.dhw },
      optimization_settings: { ...user?.optimization_settings, ...device?.optimization_settings },
    };
  });
}
