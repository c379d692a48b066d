import type { JournalEntry } from '../../openapi/wire-types.ts';
import type { CustomerVisits } from './customer-visits.ts';
import { describeKeylessCall, type KeylessDataCalls } from './keyless-data-calls.ts';
import type { ScenarioContext } from './scenario-context.ts';

/** The data API's device lists: heat pumps and PV inverters. */
const DEVICE_READS = /^\/v1\/devices(\/pv)?$/;

type Fail = (expected: string, actual: string) => never;

export interface JournalEvidence {
  t: Omit<ScenarioContext, 'expect'>;
  fail: Fail;
  keylessDataCalls: KeylessDataCalls;
  visits: CustomerVisits;
}

/** The supplier's device reads in this scenario, with its key (the organisation's journal), oldest first. */
export const deviceReadsOf = (t: Omit<ScenarioContext, 'expect'>) =>
  t.journal({ method: 'GET', path: DEVICE_READS });

/** The device reads in words, and the keyless data calls that may explain a missing one. */
export async function describeDeviceReads(
  reads: JournalEntry[],
  keylessDataCalls: KeylessDataCalls,
): Promise<string> {
  const seen = [
    ...reads.map((e) => `GET ${e.request.path}?user_id=${e.request.query.user_id ?? '(none)'}`),
    ...(await keylessDataCalls()).map(describeKeylessCall),
  ];
  return seen.join('; ') || 'no device read at all';
}

const sorted = (ids: Iterable<string>) => [...ids].sort().join(', ');

/**
 * What an adapter without readBack shows of what the supplier stored, from the calls it made to NOX with its
 * key: a supplier that took NOX user X for its customer read X's devices (and got every device it should
 * store); one that refused a callback read no devices after the customer's last visit. What it stored
 * itself stays unchecked (the caller records that).
 */
export async function expectReadBackInJournal(
  { t, fail, keylessDataCalls, visits }: JournalEvidence,
  expected: { nox_user_id: string | null; device_ids?: string[] },
): Promise<void> {
  const reads = await deviceReadsOf(t);
  const noxUser = expected.nox_user_id;
  if (noxUser === null) {
    const since = visits.since(t.user);
    const after = reads.filter((e) => e.id > since);
    if (after.length > 0)
      fail(
        `the supplier to take no NOX user for customer ${t.user}, so to read no devices after its last visit`,
        `it then made ${await describeDeviceReads(after, async () => [])}, as if it had taken that NOX user`,
      );
    return;
  }
  // Any answer counts: a read that NOX answered 5xx still shows whom the supplier took the customer for.
  const forUser = reads.filter((e) => e.request.query.user_id === noxUser);
  if (forUser.length === 0)
    fail(
      `a GET /v1/devices?user_id=${noxUser} with the supplier's key: the journal's evidence that it took NOX user ${noxUser} for customer ${t.user}`,
      `the supplier made ${await describeDeviceReads(reads, keylessDataCalls)}`,
    );
  if (!expected.device_ids) return;
  const read = new Set(
    forUser.flatMap((e) =>
      e.response.status === 200
        ? ((e.response.body as { data?: { device_id?: unknown }[] } | null)?.data ?? []).map((d) =>
            String(d.device_id),
          )
        : [],
    ),
  );
  const unread = expected.device_ids.filter((id) => !read.has(id));
  if (unread.length > 0)
    fail(
      `the supplier to read the devices ${sorted(expected.device_ids)} of NOX user ${noxUser}`,
      `its reads never got ${sorted(unread)} (it read ${sorted(read) || 'none'})`,
    );
}
