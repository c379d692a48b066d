import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StartedMock } from '../../mock-nox/index.ts';
import type { Organisation } from '../../openapi/wire-types.ts';
import { runScenario, type ScenarioEnv } from '../runner/run-scenario.ts';
import type { Flow } from './define-scenario.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { type InlineScenarioEnv, startInlineScenarioEnv } from './test-support/scenario-env.ts';

let inline: InlineScenarioEnv;
let mock: StartedMock;
let org: Organisation;
let env: ScenarioEnv;
const redirect = 'http://127.0.0.1:3998/callback';

beforeAll(async () => {
  inline = await startInlineScenarioEnv('Rb Energy', redirect);
  ({ mock, org, env } = inline);
});

afterAll(() => inline?.stop());

/** A call the supplier's backend makes with its key. */
const call = (path: string, body?: unknown) =>
  fetch(`${mock.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': org.api_key },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Links the current customer at NOX (as the supplier and the user would); answers its NOX user. */
async function link(t: ScenarioContext, username = t.username()) {
  const created = await call('/v2/supplier/link-sessions', {
    user_id: t.user,
    redirect_url: redirect,
    asset_type: 'hp',
  });
  const { link_token } = (await created.json()) as { link_token: string };
  await t.platform.complete(link_token, { brand: 'daikin', username });
  return (await t.platform.noxUser()) as { id: string; device_ids: string[] };
}

const run = (body: (t: ScenarioContext) => Promise<void>, more: Partial<ScenarioEnv> = {}, flow?: Flow) =>
  runScenario(
    { id: 'rb', name: 'rb', rule: 'r', severity: 'required', tags: [], ...(flow ? { flow } : {}), run: body },
    { ...env, ...more },
  );

describe('without readBack, what the supplier stored is graded from its calls to NOX', () => {
  test('a device read for the NOX user (with every device) passes, and the report says what was not checked', async () => {
    const result = await run(async (t) => {
      const noxUser = await link(t, t.username('devices3'));
      await call(`/v1/devices?user_id=${noxUser.id}`);
      await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
    });
    expect(result.status).toBe('passed');
    expect(result.not_checked).toEqual([
      {
        check: expect.stringMatching(
          /^that the supplier stored NOX user \S+ and its devices .+ for customer cust-rb-/,
        ),
        missing: 'readBack',
      },
    ]);
    expect(result.steps.map((s) => s.name)).toContainEqual(
      expect.stringMatching(
        /^Not checked: that the supplier stored .* \(the adapter has no readBack hook\)$/,
      ),
    );
  });

  test('no device read for the NOX user fails; so does a read that never got every device', async () => {
    const none = await run(async (t) => {
      const noxUser = await link(t);
      await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
    });
    expect(none.failure?.expected).toMatch(
      /^a GET \/v1\/devices\?user_id=\S+ with the supplier's key: the journal's evidence/,
    );
    expect(none.failure?.actual).toBe('the supplier made no device read at all');
    const firstPage = await run(async (t) => {
      const noxUser = await link(t, t.username('devices3'));
      await call(`/v1/devices?user_id=${noxUser.id}&limit=1`);
      await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
    });
    expect(firstPage.failure?.actual).toMatch(/^its reads never got \S+, \S+ \(it read \S+\)$/);
  });

  test('a customer who must have no NOX user: a device read after its last visit fails, one before it does not', async () => {
    const forged = (readAfter: boolean) => async (t: ScenarioContext) => {
      const victim = await link(t);
      await call(`/v1/devices?user_id=${victim.id}`);
      t.actAs();
      await t.supplier.open('about:blank');
      if (readAfter) await call(`/v1/devices?user_id=${victim.id}`);
      await t.expect.readBack({ nox_user_id: null });
    };
    const taken = await run(forged(true));
    expect(taken.failure?.expected).toMatch(
      /^the supplier to take no NOX user for customer \S+, so to read no devices/,
    );
    expect(taken.failure?.actual).toMatch(
      /^it then made GET \/v1\/devices\?user_id=\S+, as if it had taken that NOX user$/,
    );
    expect((await run(forged(false))).status).toBe('passed');
  });

  test('flow 2 has no such evidence: only "not checked"; with readBack nothing is left unchecked', async () => {
    const flow2 = await run(
      async (t) => t.expect.readBack({ nox_user_id: 'nox_u_none' }),
      {},
      'manufacturer-app',
    );
    expect(flow2.status).toBe('passed');
    expect(flow2.not_checked?.map((n) => n.missing)).toEqual(['readBack']);
    const withReadBack = await run(
      async (t) => {
        const noxUser = await link(t);
        await t.expect.readBack({ nox_user_id: noxUser.id });
      },
      {
        adapter: {
          ...env.adapter,
          hooks: {
            ...env.adapter.hooks,
            // What NOX mapped the customer to, as a correct supplier would have stored it.
            readBack: async ({ user }) => {
              const state = await mock.control.state(org.id);
              const noxUser = state.nox_users.find((u) => u.supplier_user_id === user);
              return { nox_user_id: noxUser?.id ?? null, device_ids: [] };
            },
          },
        },
      },
    );
    expect(withReadBack.status).toBe('passed');
    expect(withReadBack.not_checked).toBeUndefined();
  });
});
