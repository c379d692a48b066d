import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../mock-nox/server.ts';
import { openStore } from '../mock-nox/store/open-store.ts';
import { createControlClient } from '../openapi/control-client.ts';
import { buildPact } from './build-pact.ts';
import { providerStates } from './provider-states.ts';
import { greenRun } from './test-support/journal-fixture.ts';
import { PactVerificationFailed, verifyPacts } from './verify-pacts.ts';

let mock: Awaited<ReturnType<typeof startServer>>;
let pactFile: string;
beforeAll(async () => {
  mock = await startServer({ store: await openStore({ inMemory: true }) }, '127.0.0.1', 0);
  pactFile = (await buildPact(greenRun(), mkdtempSync(join(tmpdir(), 'nox-verify-')))).file ?? '';
});
afterAll(() => mock.close());

// biome-ignore lint/suspicious/noExplicitAny: a pact file is edited as plain JSON
type Pact = { interactions: any[] };

/** A copy of the pact with one interaction changed, and the error (or none) of verifying it. */
async function verifyChanged(
  description: RegExp,
  change: (interaction: Pact['interactions'][number]) => void,
) {
  const pact: Pact = JSON.parse(readFileSync(pactFile, 'utf8'));
  const interaction = pact.interactions.find((i) => description.test(i.description));
  change(interaction);
  pact.interactions = [interaction];
  const file = join(mkdtempSync(join(tmpdir(), 'nox-broken-')), 'broken.json');
  writeFileSync(file, JSON.stringify(pact));
  return verifyPacts([file], mock.url).then(
    () => undefined,
    (error: unknown) => error as PactVerificationFailed,
  );
}
const mismatches = (error: PactVerificationFailed | undefined) => {
  expect(error).toBeInstanceOf(PactVerificationFailed);
  expect(error?.message).toContain('interaction(s) failed verification');
  return (error?.failures ?? []).flatMap((f) => f.mismatches).join('\n');
};

describe('verifying pacts against the mock', () => {
  test("every interaction of a run's pact verifies, the states set up through the control API", async () => {
    await expect(verifyPacts([pactFile], mock.url)).resolves.toBeUndefined();
  });

  test('fails with a readable mismatch when the pact expects another status', async () => {
    const error = await verifyChanged(/GET \/v1\/devices/, (i) => {
      i.response.status = 201;
    });
    expect(mismatches(error)).toContain('expected 201 but was 200');
  });

  test('fails when the pact expects a field NOX does not send', async () => {
    const error = await verifyChanged(/link-sessions .* answers 201/, (i) => {
      i.response.body.content.session_secret = 'abc';
    });
    expect(mismatches(error)).toMatch(/session_secret/);
  });

  test('fails the interaction whose provider state the mock does not know', async () => {
    const error = await verifyChanged(/GET \/v1\/devices/, (i) => {
      i.providerStates[1].name = 'a customer has a unicorn';
    });
    expect(mismatches(error)).toContain('One or more of the setup state change handlers has failed');
  });

  test("the mock's state-change endpoint answers the values the pact injects", async () => {
    const control = createControlClient(mock.url);
    const supplier = await control.changeProviderState({
      state: providerStates.supplier,
      params: { supplier: 'Volt Energy' },
    });
    const linked = await control.changeProviderState({
      state: providerStates.linkedUser,
      params: { count: 1, asset_type: 'pv' },
    });
    expect(linked).toEqual({
      api_key: supplier.api_key,
      nox_user_id: expect.any(String),
      device_id: expect.any(String),
    });
    const state = await control.state((await control.organisations()).at(-1)?.id ?? '');
    expect(state.devices.map((d) => [d.device_id, d.asset_type])).toEqual([[linked.device_id, 'pv']]);
  });

  test('fails when the pact calls a path NOX does not serve', async () => {
    const error = await verifyChanged(/PATCH \/v1\/devices\/settings/, (i) => {
      i.request.path = '/v1/device/settings';
    });
    expect(mismatches(error)).toContain('expected 204 but was 404');
  });
});
