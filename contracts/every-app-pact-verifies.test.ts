import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtInScenarioDir, loadScenarios, type SupplierHooks, selectScenarios } from '../harness/index.ts';
import { runApp } from '../test/test-support/run-app.ts';
import { type ServeProcess, spawnServe } from '../test/test-support/spawn-serve.ts';
import { buildPact, type RunTraffic } from './build-pact.ts';
import { pactCli } from './test-support/pact-cli.ts';
import { runCli } from './test-support/run-cli.ts';

// Apps other than the reference supplier record other answers for the same calls (an empty PV list for a
// heat-pump customer, a heat-pump list for a solar one): each green run's pact must verify whatever the
// app read, with Pact's Verifier (nox-testkit verify) and pact-cli's, every interaction. The apps: the
// reference supplier, the small supplier of test/test-support reading what it linked, only PV lists or only
// heat-pump lists, and the Python app of examples/python-supplier.
const root = resolve(import.meta.dirname, '..');
const small = join(root, 'test', 'test-support', 'small-supplier', 'nox-testkit.config.ts');
const dir = mkdtempSync(join(tmpdir(), 'nox-every-app-'));
/** Scenarios by id: a few per app that still give its pact its calls (both asset types, a paged list). */
const ids = (...names: string[]) => new RegExp(`^(${names.join('|')})$`);
const bothTypes = ['v2-heat-pump-happy-path', 'v2-solar-happy-path'];
/**
 * The small app's adapter has the two required hooks only; its happy paths also need readBack (until the
 * harness grades them from the page and the journal), so the test adds one over the app's own read-back.
 */
const readBack: SupplierHooks['readBack'] = async ({ baseUrl, user }) => {
  const res = await fetch(`${baseUrl}/__testkit/customers/${encodeURIComponent(user)}`);
  return res.ok ? res.json() : null;
};

/** The small supplier reading the device lists `reads` names, under its own name. */
const smallApp = (reads: string, name: string) => ({
  name,
  config: small,
  env: { SMALL_SUPPLIER_READS: reads },
  hooks: { readBack },
});

const apps: {
  name: string;
  config: string;
  grep: RegExp;
  env: Record<string, string>;
  hooks?: Partial<SupplierHooks>;
}[] = [
  // The reference supplier also starts in NOX's web app (POST /post-login-redirect) and changes settings.
  {
    name: 'Reference Energy',
    config: join(root, 'nox-testkit.config.ts'),
    grep: ids(
      ...bothTypes,
      'many-devices-are-all-read',
      'linked-from-nox-web-app',
      'settings-change-reaches-nox',
    ),
    env: { SUPPLIER_FLAW: '' },
  },
  { ...smallApp('linked', 'Small Energy'), grep: ids(...bothTypes, 'many-devices-are-all-read') },
  // Its heat-pump customers' PV lists are empty, in two scenarios of which the shards below get one each.
  {
    ...smallApp('pv', 'Small Energy reads PV only'),
    grep: ids(...bothTypes, 'preselected-brand-skips-brand-choice'),
  },
  { ...smallApp('hp', 'Small Energy reads heat pumps only'), grep: ids(...bothTypes) },
  // An app in another language, with its own two-hook adapter: scenarios it runs as it is.
  {
    name: 'Py Energy',
    config: join(root, 'examples', 'python-supplier', 'nox-testkit.config.ts'),
    grep: ids('devices-read-only-for-callback-user', 'pv-devices-read-from-pv-endpoint'),
    env: {},
  },
];

/** The app whose run is also cut in two shards: each shard reads an empty PV list in another scenario. */
const sharded = apps[2] as (typeof apps)[number];

// biome-ignore lint/suspicious/noExplicitAny: a pact file is read as plain JSON
type Pact = { interactions: any[] };
const pacts = new Map<string, { file: string; pact: Pact }>();
/** Every pact, each under its label's name, for one `nox-testkit verify --pact <folder>`. */
const all = join(dir, 'all');
let mock: ServeProcess;

/** Writes a run's pact as `nox-testkit run` does, and keeps it under its label. */
async function writeRunPact(label: string, result: RunTraffic) {
  const { file, reason } = await buildPact(result, join(dir, label));
  expect(reason).toBeUndefined();
  const written = file ?? '';
  mkdirSync(all, { recursive: true });
  copyFileSync(written, join(all, `${label}.json`));
  pacts.set(label, { file: written, pact: JSON.parse(readFileSync(written, 'utf8')) });
}

beforeAll(async () => {
  const catalogue = await loadScenarios([builtInScenarioDir]);
  mock = await spawnServe(['--port', '0', '--in-memory']);
  for (const app of apps) {
    const result = await runApp(app.config, selectScenarios(catalogue, { grep: app.grep, tags: [] }), app);
    // The failures themselves, so a scenario timing out on a loaded machine is told from a broken pact.
    const failed = result.scenarios.filter((s) => s.status !== 'passed');
    expect(failed.map((s) => [s.name, s.failure])).toEqual([]);
    await writeRunPact(app.name, result);
    if (app !== sharded) continue;
    // A shard's pact is its scenarios' calls (`run --shard i/n` picks them as selectScenarios does): cut
    // from this run rather than run again, to keep the test fast.
    for (const index of [1, 2]) {
      const picked = selectScenarios(catalogue, { grep: app.grep, tags: [], shard: { index, count: 2 } });
      const names = new Set(picked.map((s) => s.name));
      const scenarios = result.scenarios.filter((s) => names.has(s.name));
      await writeRunPact(`shard ${index}`, { ...result, scenarios });
    }
  }
  const merged = join(dir, 'merged', `${sharded.name}-nox-energy.json`);
  const merge = await runCli([
    'merge-pacts',
    pactFile('shard 1').file,
    pactFile('shard 2').file,
    '-o',
    merged,
  ]);
  expect([merge.code, merge.stderr, merge.stdout]).toEqual([0, '', `Merged 2 pact file(s) into ${merged}\n`]);
  mkdirSync(all, { recursive: true });
  copyFileSync(merged, join(all, 'merged.json'));
  pacts.set('merged', { file: merged, pact: JSON.parse(readFileSync(merged, 'utf8')) });
}, 420_000);
afterAll(() => {
  mock?.child.kill('SIGKILL');
});

function pactFile(label: string) {
  const written = pacts.get(label);
  if (!written) throw new Error(`No pact was written for ${label}`);
  return written;
}

/** pact-cli's verifier on one pact against the running mock: every interaction passes, by description. */
async function expectPactCliVerifies(label: string) {
  const { file, pact } = pactFile(label);
  const cli = await pactCli(file, mock.url);
  const descriptions = pact.interactions.map((i: { description: string }) => i.description).sort();
  expect(cli.results.map((r) => r.description).sort()).toEqual(descriptions);
  expect(cli.results.filter((r) => r.result !== 'OK')).toEqual([]);
  expect(cli.code).toBe(0);
}

const devicesRead = (label: string) =>
  (pacts.get(label)?.pact.interactions ?? [])
    .filter((i: { description: string }) => i.description.startsWith('GET /v1/devices'))
    .map((i: { description: string; providerStates: { params: unknown }[] }) => [
      i.description,
      i.providerStates[1]?.params,
    ]);

const labels = [...apps.map((a) => a.name), 'shard 1', 'shard 2', 'merged'];

describe('the pact of a green run verifies for every supplier app, with both verifiers', () => {
  test("nox-testkit verify (Pact's Verifier) passes every interaction of every app's, shard's and merged pact", async () => {
    expect(readdirSync(all).sort()).toEqual(labels.map((l) => `${l}.json`).sort());
    const verified = await runCli(['verify', '--pact', all]);
    expect(verified.out).toContain(`Verifying ${labels.length} pact file(s)`);
    expect(verified.out).toContain('All interactions verified.');
    expect(verified.code).toBe(0);
  }, 120_000);

  test.each(labels)(
    "pact-cli's verifier passes every interaction of the pact of %s",
    expectPactCliVerifies,
    60_000,
  );

  test('the states are what each call recorded: an empty list links none of its asset type, a full one as many as it showed', () => {
    expect(devicesRead('Small Energy reads PV only')).toEqual([
      ['GET /v1/devices/pv with query user_id answers 200', { asset_type: 'pv', count: 1 }],
      [
        'GET /v1/devices/pv with query user_id answers 200 with an empty list',
        { asset_type: 'pv', count: 0 },
      ],
    ]);
    expect(devicesRead('Small Energy reads heat pumps only')).toEqual([
      ['GET /v1/devices with query user_id answers 200', { asset_type: 'hp', count: 1 }],
      ['GET /v1/devices with query user_id answers 200 with an empty list', { asset_type: 'hp', count: 0 }],
    ]);
  });
});

describe('a sharded run', () => {
  test("merge-pacts makes of the shards' pacts the whole run's pact, byte for byte", () => {
    const empty = 'GET /v1/devices/pv with query user_id answers 200 with an empty list';
    const seenIn = (label: string) =>
      pactFile(label).pact.interactions.find((i: { description: string }) => i.description === empty)
        ?.comments.text;
    // The empty PV list was recorded in both shards; the merge keeps the recording the whole run keeps.
    expect(seenIn('shard 1')).toEqual([
      'seen in scenario: pre-selects the brand so NOX skips the brand choice and opens the manufacturer login',
    ]);
    expect(seenIn('shard 2')).toEqual([
      'seen in scenario: connects a heat pump through NOX and shows it as connected',
    ]);
    expect(seenIn('merged')).toEqual([...(seenIn('shard 2') ?? []), ...(seenIn('shard 1') ?? [])]);
    expect(readFileSync(pactFile('merged').file, 'utf8')).toBe(
      readFileSync(pactFile(sharded.name).file, 'utf8'),
    );
  });
});
