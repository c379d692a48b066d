import type { ScenarioContext } from '../../harness/index.ts';

/**
 * The X-Webhook-Id of each delivery the supplier acted on, as its read-back reports them; undefined, with
 * `check` recorded as not checked, when the adapter has no readBack or its answer has no webhook_ids (the
 * scenario then grades what the receiver answered alone).
 */
export async function webhookIdsActedOn(t: ScenarioContext, check: string): Promise<string[] | undefined> {
  if (!t.supplier.has('readBack')) {
    await t.notChecked(check, 'readBack');
    return undefined;
  }
  const ids = (await t.supplier.readBack())?.webhook_ids;
  if (ids === undefined) await t.notChecked(check, 'readBack.webhook_ids');
  return ids;
}
