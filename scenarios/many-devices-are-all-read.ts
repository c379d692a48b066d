import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeCalls } from './support/describe-calls.ts';
import { deviceReads } from './support/expect-filtered-device-reads.ts';

export default defineScenario({
  name: 'reads every page of the device list for an account with 10 heat pumps',
  rule: 'The data API is paginated: meta.next_token names the next page (same query plus next_token) until it is null. A supplier that reads only the first page misses devices whenever an account has more than its page holds.',
  docs: 'https://docs.nox.energy/api-docs/full-control/asset-info/get-devices',
  severity: 'required',
  tags: ['data', 'pagination', 'v2', 'hp'],
  // Sets the organisation's default page size, which parallel scenarios would see.
  exclusive: true,
  async run(t) {
    // 10 is the most devices a fake account has: NOX's default page (1000) is lowered to 3 for this run, so a
    // supplier that sends no `limit` pages too. A supplier's own smaller `limit` wins, as at NOX.
    await t.platform.setPolicies({ default_device_page_size: 3 });
    const { noxUser } = await connectWithoutNoxPages(t, { username: t.username('devices10') });
    const reads = await t.journal({ method: 'GET', path: deviceReads });
    const tokens = reads
      .map((e) => (e.response.body as { meta?: { next_token?: unknown } } | null)?.meta?.next_token)
      .filter((token): token is string => typeof token === 'string');
    const unfollowed = tokens.filter((token) => !reads.some((e) => e.request.query.next_token === token));
    t.expect.that(
      unfollowed.length === 0,
      'every next_token NOX answered to be read as the next page',
      `NOX answered next_token ${unfollowed.join(', ')} and the supplier never read that page (it made ${describeCalls(reads)})`,
    );
    // What the supplier got from the data API, not what the callback named: every device must be read.
    const read = new Set(
      reads.flatMap((e) =>
        ((e.response.body as { data?: { device_id?: unknown }[] } | null)?.data ?? []).map(
          (d) => d.device_id,
        ),
      ),
    );
    const missed = noxUser.device_ids.filter((id) => !read.has(id));
    t.expect.that(
      missed.length === 0,
      `the supplier to read all ${noxUser.device_ids.length} heat pumps of NOX user ${noxUser.id} from the data API`,
      `it never read ${missed.length} of them (it made ${describeCalls(reads)})`,
    );
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
