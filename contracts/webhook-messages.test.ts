import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, startServer } from '../mock-nox/index.ts';
import { createControlClient } from '../openapi/control-client.ts';
import { buildPact, collectInteractions, collectMessages } from './build-pact.ts';
import { pactCli } from './test-support/pact-cli.ts';
import { runCli } from './test-support/run-cli.ts';
import { PactVerificationFailed, verifyPacts } from './verify-pacts.ts';

// biome-ignore lint/suspicious/noExplicitAny: a pact file is edited as plain JSON
type Pact = { interactions: any[] };
const dir = mkdtempSync(join(tmpdir(), 'nox-messages-'));
let mock: Awaited<ReturnType<typeof startServer>>;
let receiver: Server;
const received: unknown[] = [];
let pactFile: string;
let pact: Pact;

/** The supplier's own webhook receiver: a real HTTP server that acknowledges every delivery. */
async function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/nox/webhooks`;
}

/** Flow 2 on a real mock: the user picks the supplier on NOX's web app, the supplier's backend confirms, settings change. */
async function journalOfFlow2() {
  const control = createControlClient(mock.url);
  const supplier = await control.createOrganisation({
    kind: 'supplier',
    name: 'Volt Energy',
    oauth_login_url: 'http://127.0.0.1:1/oauth/login',
    webhook_url: await startReceiver(),
  });
  const started = await control.startWebAppConnection({
    supplier_organisation_id: supplier.id,
    brand: 'daikin',
    username: 'anna',
  });
  const confirm = (body: unknown) =>
    fetch(`${mock.url}/post-login-redirect`, {
      method: 'POST',
      headers: { 'x-api-key': supplier.api_key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await confirm({ state: started.state, user_id: 'cust-42' })).status).toBe(200);
  expect((await confirm({ state: started.state, user_id: 'cust-43' })).status).toBe(409);
  expect((await confirm({ state: 'no-such-state', user_id: 'cust-42' })).status).toBe(404);
  const done = await control.completeSupplierAuthSession(started.state ?? '');
  expect(done.outcome).toBe('connected');
  const noxUserId = done.nox_user_id ?? '';
  const device_id = done.device_ids[0];
  await control.patchSettingsAsUser(noxUserId, { device_id, room: { preferred_temperature: 22.5 } });
  await control.patchSettingsAsUser(noxUserId, { device_id, optimization_settings: { flex_trading: true } });
  await control.deliverDueWebhooks(supplier.id);
  return control.journal(supplier.id);
}

beforeAll(async () => {
  mock = await startServer(
    { store: await openStore({ inMemory: true }), webhooks: { autoDeliver: false } },
    '127.0.0.1',
    0,
  );
  const journal = await journalOfFlow2();
  const run = {
    supplier: 'Volt Energy',
    exit_code: 0,
    scenarios: [{ name: 'links from the NOX web app', status: 'passed', journal }],
  };
  expect(collectMessages(run).map((m) => m.description)).toEqual([
    'a webhook event device.settings.optimization_settings.flex_trading.updated',
    'a webhook event device.settings.room.preferred_temperature.updated',
    'a webhook event device.steerable_status.being_steered.updated',
  ]);
  expect(collectInteractions(run).map((i) => i.description)).toEqual([
    'POST /post-login-redirect with body state, user_id answers 200',
    'POST /post-login-redirect with body state, user_id answers 404',
    'POST /post-login-redirect with body state, user_id answers 409',
  ]);
  pactFile = (await buildPact(run, join(dir, 'pacts'))).file ?? '';
  pact = JSON.parse(readFileSync(pactFile, 'utf8'));
}, 60_000);
afterAll(async () => {
  receiver?.close();
  await mock?.close();
});

/** A copy of the pact holding only the matching interaction, changed; the error of verifying it. */
async function verifyTampered(
  description: string,
  change: (interaction: Pact['interactions'][number]) => void,
) {
  const copy: Pact = structuredClone(pact);
  copy.interactions = copy.interactions.filter((i) => i.description === description);
  expect(copy.interactions).toHaveLength(1);
  change(copy.interactions[0]);
  const file = join(mkdtempSync(join(tmpdir(), 'nox-tampered-')), 'tampered.json');
  writeFileSync(file, JSON.stringify(copy));
  const error = await verifyPacts([file], mock.url).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PactVerificationFailed);
  return { file, error: error as PactVerificationFailed };
}

describe("a pact of flow 2 from a real mock's journal", () => {
  test('holds the webhook deliveries as V4 asynchronous messages with their X-Webhook-* metadata', () => {
    const message = pact.interactions.find((i) => i.type === 'Asynchronous/Messages');
    expect(message.contents.content.type).toMatch(/\.updated$/);
    expect(Object.keys(message.metadata).sort()).toEqual([
      'X-Webhook-Id',
      'X-Webhook-Signature',
      'X-Webhook-Timestamp',
      'contentType',
    ]);
    expect(message.matchingRules.metadata['X-Webhook-Signature'].matchers[0].regex).toBe(
      '^sha256=[0-9a-f]{64}$',
    );
    expect(received).toHaveLength(3);
  });

  test('nox-testkit verify passes the HTTP interactions and the messages against the mock', async () => {
    await expect(verifyPacts([pactFile], mock.url)).resolves.toBeUndefined();
  }, 60_000);

  test('a tampered HTTP interaction fails, naming it', async () => {
    const description = 'POST /post-login-redirect with body state, user_id answers 200';
    const { error } = await verifyTampered(description, (i) => {
      i.response.body.content.supplier_id = i.response.body.content.supplier_user_id;
      delete i.response.body.content.supplier_user_id;
    });
    expect(error.failures.map((f) => f.interaction).join('\n')).toContain(description);
    expect(error.message).toMatch(/supplier_id/);
  }, 60_000);

  test('a tampered message fails, naming it, in nox-testkit verify too', async () => {
    const description = 'a webhook event device.settings.room.preferred_temperature.updated';
    const { error, file } = await verifyTampered(description, (i) => {
      i.contents.content.data.value = 'warm';
      delete i.matchingRules.body['$.data.value'];
    });
    expect(error.failures.map((f) => f.interaction).join('\n')).toContain(description);
    expect(error.message).toContain('warm');
    // The CLI, against a mock of its own: the pact needs nothing of the mock it was recorded on.
    const verified = await runCli(['verify', '--pact', pactFile]);
    expect(verified.out).toContain('All interactions verified.');
    expect(verified.code).toBe(0);
    const broken = await runCli(['verify', '--pact', file]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(description);
    expect(broken.out).toContain("Expected 22.5 (Decimal) to be equal to 'warm' (String)");
  }, 90_000);

  test("pact-cli's verifier passes both kinds through the state-change URL and the message producer", async () => {
    const verified = await pactCli(pactFile, mock.url);
    expect(verified.code).toBe(0);
    expect(verified.results.map((r) => r.result)).toEqual(pact.interactions.map(() => 'OK'));
    const description = 'a webhook event device.steerable_status.being_steered.updated';
    const { file } = await verifyTampered(description, (i) => {
      i.metadata['X-Webhook-Event'] = 'being_steered';
    });
    const broken = await pactCli(file, mock.url);
    expect(broken.code).toBe(1);
    expect(broken.results.filter((r) => r.result !== 'OK').map((r) => r.description)).toEqual([description]);
  }, 60_000);
});
