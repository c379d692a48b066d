import type { SupplierOutcome } from '../config/supplier-adapter.ts';
import { ExpectationFailed } from '../errors.ts';
import type { CustomerVisits } from './customer-visits.ts';
import type { Scenario } from './define-scenario.ts';
import { describeDeviceReads, deviceReadsOf, expectReadBackInJournal } from './journal-read-back.ts';
import type { KeylessDataCalls } from './keyless-data-calls.ts';
import type { Expectations, ScenarioContext } from './scenario-context.ts';

const describe = (o: SupplierOutcome) =>
  o.status === 'connected'
    ? 'the supplier shows "connected"'
    : `the supplier shows a failure${o.code ? ` (${o.code})` : ''}`;
const sorted = (ids: string[]) => [...ids].sort().join(', ');

/** What the expectations read besides `t`: the calls no organisation owns, and the customers' visits. */
export interface ExpectationSources {
  keylessDataCalls: KeylessDataCalls;
  visits: CustomerVisits;
}

export function createExpectations(
  t: Omit<ScenarioContext, 'expect'>,
  scenario: Pick<Scenario, 'rule' | 'docs' | 'flow'>,
  { keylessDataCalls, visits }: ExpectationSources,
): Expectations {
  const { rule, docs } = scenario;
  const fail = (expected: string, actual: string): never => {
    throw new ExpectationFailed(expected, actual, rule, docs);
  };
  return {
    connected: () =>
      t.step('Expect the supplier to show "connected"', async () => {
        const outcome = await t.supplier.outcome();
        if (outcome.status !== 'connected')
          fail('the supplier to show the user as connected', describe(outcome));
      }),
    failed: (...codes) =>
      t.step(`Expect the supplier to show a failure${codes.length ? ` (${codes.join(' or ')})` : ''}`, () =>
        failed(codes),
      ),
    async readBack(expected) {
      if (!t.supplier.has('readBack')) {
        const stored = expected.nox_user_id
          ? `NOX user ${expected.nox_user_id}${expected.device_ids ? ` and its devices ${sorted(expected.device_ids)}` : ''}`
          : 'no NOX user';
        // Flow 2 has no callback for the supplier to read devices after: nothing else shows what it stored.
        if ((scenario.flow ?? 'supplier-app') === 'supplier-app')
          await t.step(
            expected.nox_user_id
              ? `Expect the supplier to read NOX user ${expected.nox_user_id}'s devices (no readBack hook)`
              : `Expect no device read after customer ${t.user}'s last visit (no readBack hook)`,
            () => expectReadBackInJournal({ t, fail, keylessDataCalls, visits }, expected),
          );
        await t.notChecked(`that the supplier stored ${stored} for customer ${t.user}`, 'readBack');
        return;
      }
      await t.step(
        `Expect the supplier to have stored NOX user ${expected.nox_user_id ?? 'none'} for its customer`,
        () => readBack(expected),
      );
    },
    fetchedDevicesFor: (noxUserId) =>
      t.step(`Expect a device read for NOX user ${noxUserId}`, () => fetchedDevicesFor(noxUserId)),
    that(ok, expected, actual) {
      if (!ok) fail(expected, actual);
    },
  };

  async function failed(codes: string[]) {
    const outcome = await t.supplier.outcome();
    if (outcome.status !== 'failed')
      fail(
        `the supplier to show a failure${codes.length ? ` (${codes.join(' or ')})` : ''}`,
        describe(outcome),
      );
    if (outcome.status === 'failed' && codes.length > 0 && outcome.code && !codes.includes(outcome.code)) {
      fail(`the failure to be ${codes.join(' or ')}`, `the supplier shows ${outcome.code}`);
    }
  }

  async function readBack(expected: { nox_user_id: string | null; device_ids?: string[] }) {
    const stored = await t.supplier.readBack();
    const actualUser = stored?.nox_user_id ?? null;
    if (actualUser !== expected.nox_user_id) {
      fail(
        `the supplier to store NOX user ${expected.nox_user_id ?? 'none'} for customer ${t.user}`,
        `it stored ${actualUser ?? 'none'}`,
      );
    }
    if (expected.device_ids && sorted(stored?.device_ids ?? []) !== sorted(expected.device_ids)) {
      fail(
        `the supplier to store the devices ${sorted(expected.device_ids)}`,
        `it stored ${sorted(stored?.device_ids ?? []) || 'none'}`,
      );
    }
  }

  async function fetchedDevicesFor(noxUserId: string) {
    const reads = await deviceReadsOf(t);
    const forUser = reads.filter((e) => e.request.query.user_id === noxUserId && e.response.status === 200);
    if (forUser.length === 0) {
      fail(
        `a GET /v1/devices?user_id=${noxUserId} with the supplier's key after the callback`,
        `the supplier made ${await describeDeviceReads(reads, keylessDataCalls)}`,
      );
    }
  }
}
