import { defineScenario, type ReadBack } from '../../harness/index.ts';
import { connected, saw } from './support/doctor-steps.ts';

/** What is wrong with a read-back's shape, one phrase each (none when it has the documented shape). */
function shapeProblems(value: unknown): string[] {
  if (value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value))
    return [`it is ${JSON.stringify(value)}, not an object or null`];
  const rb = value as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  return [
    ...(rb.nox_user_id === null || typeof rb.nox_user_id === 'string'
      ? []
      : ['nox_user_id is not a string or null']),
    ...(strings(rb.device_ids) ? [] : ['device_ids is not a list of strings']),
    ...(rb.status === undefined || rb.status === 'connected' || rb.status === 'not_connected'
      ? []
      : ['status is not "connected" or "not_connected"']),
    ...(rb.webhook_ids === undefined || strings(rb.webhook_ids)
      ? []
      : ['webhook_ids is not a list of strings']),
  ];
}

export default defineScenario({
  name: 'readBack answers what your app stored, in its documented shape',
  rule: 'readBack must answer null (or { nox_user_id: null, device_ids: [] }) for a customer your app has not linked, and { nox_user_id, device_ids, status?, webhook_ids? } with the NOX user and every device id from the callback once it has: read them from your own store (e.g. a test-only endpoint).',
  severity: 'advisory',
  tags: ['readBack'],
  needs: ['readBack'],
  async run(t) {
    const before = await t.supplier.readBack();
    t.expect.that(
      shapeProblems(before).length === 0 && (before === null || before.nox_user_id === null),
      'readBack to answer null or { nox_user_id: null, device_ids: [] } for a customer not linked yet',
      `it answered ${JSON.stringify(before)}${shapeProblems(before)
        .map((p) => `; ${p}`)
        .join('')}`,
    );
    const { noxUser } = await connected(t);
    const after: ReadBack | null = await t.supplier.readBack();
    const problems = shapeProblems(after);
    t.expect.that(
      problems.length === 0 && after !== null,
      'readBack to answer { nox_user_id, device_ids, status?, webhook_ids? } for the linked customer',
      `it answered ${JSON.stringify(after)}${problems.map((p) => `; ${p}`).join('')}`,
    );
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));
    t.expect.that(
      after?.nox_user_id === noxUser.id && same(after?.device_ids ?? [], noxUser.device_ids),
      `readBack to name NOX user ${noxUser.id} and devices ${JSON.stringify(noxUser.device_ids)}, as the callback did`,
      `it answered ${JSON.stringify(after)}`,
    );
    // Only the fields the hook is read for: an app's own JSON may carry more.
    const { nox_user_id, device_ids, status, webhook_ids } = after ?? {};
    const shown = JSON.stringify({ nox_user_id, device_ids, status, webhook_ids });
    await saw(t, `${JSON.stringify(before)} before the link, ${shown} after it`);
  },
});
