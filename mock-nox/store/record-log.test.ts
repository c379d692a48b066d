import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import {
  CALLBACK,
  createFakeTime,
  createV2Session,
  DEMO_KEY,
  linkUser,
} from '../../test/test-support/test-mock.ts';
import { startWebhookReceiver } from '../../test/test-support/webhook-receiver.ts';
import { createApp } from '../app.ts';
import { openStore, type Store, StoreFileError } from './open-store.ts';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'nox-log-')), 'db.json');
const NEVER = Number.MAX_SAFE_INTEGER;

/** The store as a process killed now would leave it: the lock is gone, nothing else is tidied up. */
const abandon = (file: string) => rmSync(`${file}.lock`);
const state = (store: Store) => JSON.stringify(store.data);

/** Every kind of change the mock makes: inserts, changes in place, removals, a list replaced, a prune. */
async function workload(store: Store, tag: string) {
  const app = createApp({ store, time: createFakeTime(), sessionRetentionSeconds: 60 });
  for (let i = 0; i < 15; i++) {
    await request(app)
      .post('/v2/supplier/link-sessions')
      .set('x-api-key', DEMO_KEY)
      .send({ user_id: `${tag}_pending_${i}`, redirect_url: CALLBACK, asset_type: 'hp' });
  }
  const users = [];
  for (let i = 0; i < 6; i++) users.push(await linkUser(app, `${tag}_user_${i}`, 'alice'));
  await linkUser(app, `${tag}_user_0`, 'bob'); // a relink: its devices are replaced
  await request(app)
    .patch(`/__nox/users/${users[1]?.nox_user_id}/settings`)
    .send({ room: { preferred_temperature: 19.5 } });
  await request(app).delete(`/v1/users/${users[2]?.nox_user_id}`).set('x-api-key', DEMO_KEY);
  await request(app).post('/__nox/clock/advance').send({ seconds: 3600 }); // pending sessions expire
  await linkUser(app, `${tag}_after_prune`, 'alice'); // prunes the ended sessions
  await request(app)
    .post('/__nox/organisations')
    .send({ kind: 'supplier', name: `${tag} Energy` });
}

describe('the file store log', () => {
  test('a start on a database written by this version (snapshot and log) keeps every record', async () => {
    const file = tempFile();
    const first = await openStore({ file, compactAfterBytes: NEVER });
    await workload(first, 'a');
    await first.close(); // the snapshot now holds round a
    const second = await openStore({ file, compactAfterBytes: NEVER });
    await workload(second, 'b'); // round b only in the log
    const expected = state(second);
    expect(expected).toContain('b_after_prune');
    abandon(file);
    const third = await openStore({ file });
    expect(state(third)).toBe(expected);
    expect(third.find.noxUserOf('supplier_123', 'b_user_3')?.supplier_user_id).toBe('b_user_3');
    await third.close();
  });

  test("a webhook attempt's outcome, recorded after other requests' commits, survives a kill", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const file = tempFile();
      const store = await openStore({ file, compactAfterBytes: NEVER });
      const app = createApp({ store, time: createFakeTime(), webhooks: { autoDeliver: false } });
      const supplier = await request(app)
        .post('/__nox/organisations')
        .send({ kind: 'supplier', name: 'Volt', redirect_urls: [CALLBACK] });
      const maker = await request(app)
        .post('/__nox/organisations')
        .send({ kind: 'manufacturer', name: 'Daikin', brands: ['daikin'], webhook_url: `${receiver.url}/m` });
      await request(app)
        .put('/__nox/policies')
        .send({ organisation_id: maker.body.id, webhook_timeout_ms: 300 });
      const user = await linkUser(app, 'volt_1', 'alice', {}, supplier.body.api_key);
      await request(app)
        .patch('/v1/devices/settings')
        .set('x-api-key', supplier.body.api_key)
        .send({ user_id: user.nox_user_id, room: { preferred_temperature: 20 } });
      // The receiver never answers: while the attempt waits, another request's commit is written.
      receiver.answers.push('hang');
      const run = request(app)
        .post('/__nox/webhooks/deliver-due')
        .send({})
        .then((r) => r);
      await receiver.waitFor(1);
      await createV2Session(app, { user_id: 'meanwhile' });
      expect((await run).body.attempted).toBe(1);
      abandon(file);
      const reopened = await openStore({ file });
      const [delivery] = reopened.rows('webhook_deliveries');
      expect(delivery?.attempts.map((a) => a.outcome)).toEqual(['retry_scheduled']);
      expect(delivery?.attempts[0]?.error).toContain('timeout');
      await reopened.close();
    } finally {
      await receiver.close();
    }
  });

  test('records removed from a list (a relink replaces devices) stay removed after a restart', async () => {
    const file = tempFile();
    const store = await openStore({ file, compactAfterBytes: NEVER });
    const app = createApp({ store, time: createFakeTime() });
    const nox_user_id = (await linkUser(app, 'relinked', 'alice')).nox_user_id as string;
    const before = store.find.devicesOf(nox_user_id).length;
    await linkUser(app, 'relinked', 'bob');
    const expected = state(store);
    expect(before).toBeGreaterThan(0);
    abandon(file);
    const reopened = await openStore({ file });
    expect(state(reopened)).toBe(expected);
    expect(reopened.find.devicesOf(nox_user_id)).toEqual(store.find.devicesOf(nox_user_id));
  });

  test('keeps every record across compactions made while it runs', async () => {
    const file = tempFile();
    const store = await openStore({ file, compactAfterBytes: 1 });
    await workload(store, 'c');
    await workload(store, 'd');
    await store.commit();
    const expected = state(store);
    await store.close();
    expect(state(await openStore({ file }))).toBe(expected);
  });

  test('ignores a last log line cut short by a kill, keeps everything before it and appends after it', async () => {
    const file = tempFile();
    const store = await openStore({ file, compactAfterBytes: NEVER });
    await workload(store, 'e');
    const expected = state(store);
    abandon(file);
    appendFileSync(`${file}.log`, '{"s":{"schema_version":1},"u":[["organisations",9,{"name":"Tor');
    const reopened = await openStore({ file, compactAfterBytes: NEVER });
    expect(state(reopened)).toBe(expected);
    reopened.data.clock_offset_seconds = 42;
    await reopened.commit();
    abandon(file);
    const again = await openStore({ file });
    expect(again.data.clock_offset_seconds).toBe(42);
    expect(JSON.stringify(again.data)).not.toContain('Tor"');
  });

  test('refuses a log with a damaged line before its last one, naming it, and leaves the files untouched', async () => {
    const file = tempFile();
    const store = await openStore({ file, compactAfterBytes: NEVER });
    await workload(store, 'f');
    abandon(file);
    const log = readFileSync(`${file}.log`, 'utf8').split('\n');
    log[2] = '{"s":';
    writeFileSync(`${file}.log`, log.join('\n'));
    const before = [readFileSync(file, 'utf8'), readFileSync(`${file}.log`, 'utf8')];
    const error = await openStore({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFileError);
    expect((error as Error).message).toContain('line 3');
    expect([readFileSync(file, 'utf8'), readFileSync(`${file}.log`, 'utf8')]).toEqual(before);
  });

  describe('a compaction killed half-way loses nothing', () => {
    /** The files before and after one real compaction, to put together the states a kill leaves between. */
    async function aroundCompaction() {
      const file = tempFile();
      const store = await openStore({ file, compactAfterBytes: NEVER });
      await workload(store, 'g');
      const dir = mkdtempSync(join(tmpdir(), 'nox-before-'));
      await store.commit();
      copyFileSync(file, join(dir, 'db.json'));
      copyFileSync(`${file}.log`, join(dir, 'db.json.log'));
      const compacted = state(store);
      await store.close(); // compacts: snapshot of the next generation, a new log
      const reopened = await openStore({ file, compactAfterBytes: NEVER });
      await workload(reopened, 'h'); // in the new log, its ids numbered from the new snapshot
      const expected = state(reopened);
      abandon(file);
      return { file, saved: (name: string) => join(dir, name), compacted, expected };
    }

    test('killed after the log was set aside, before the snapshot was renamed into place', async () => {
      const { file, saved, expected } = await aroundCompaction();
      copyFileSync(saved('db.json'), file); // the old snapshot is still the file
      copyFileSync(saved('db.json.log'), `${file}.log.old`);
      writeFileSync(join(file, '..', '.db.json.tmp'), '{"schema_version": 1, "organ'); // lowdb's half-written temp
      const store = await openStore({ file });
      expect(state(store)).toBe(expected);
      expect(existsSync(`${file}.log.old`)).toBe(false);
      await store.close();
      expect(state(await openStore({ file }))).toBe(expected);
    });

    test('killed after the snapshot was renamed into place, before the old log was removed', async () => {
      const { file, saved, expected } = await aroundCompaction();
      copyFileSync(saved('db.json.log'), `${file}.log.old`);
      const store = await openStore({ file });
      expect(state(store)).toBe(expected);
      expect(existsSync(`${file}.log.old`)).toBe(false);
    });

    test('killed right after setting the log aside, before a new one was begun', async () => {
      const { file, saved, compacted } = await aroundCompaction();
      copyFileSync(saved('db.json'), file);
      renameSync(`${file}.log`, join(file, '..', 'later.log'));
      copyFileSync(saved('db.json.log'), `${file}.log.old`);
      const store = await openStore({ file });
      expect(state(store)).toBe(compacted);
    });
  });

  describe('a request logs the records it changes, not those it read', () => {
    /** The collections of the rows in the log's last line, with how many of each, and its removals. */
    function lastLine(file: string) {
      const line = JSON.parse(readFileSync(`${file}.log`, 'utf8').trim().split('\n').at(-1) as string);
      const count = (entries: [string, ...unknown[]][] = []) =>
        Object.fromEntries(
          [...new Set(entries.map(([c]) => c))].map((c) => [c, entries.filter(([e]) => e === c).length]),
        );
      return { changed: count(line.u), removed: count(line.d), reordered: (line.o ?? []).length };
    }
    const patch = (app: ReturnType<typeof createApp>, user: string | null, setpoint: number) =>
      request(app)
        .patch('/v1/devices/settings')
        .set('x-api-key', DEMO_KEY)
        .send({ user_id: user, room: { preferred_temperature: setpoint } });

    async function linkedUsers(count: number) {
      const file = tempFile();
      const store = await openStore({ file, compactAfterBytes: NEVER });
      const app = createApp({ store, time: createFakeTime() });
      const users: string[] = [];
      for (let i = 0; i < count; i++)
        users.push((await linkUser(app, `reader_${i}`, 'alice')).nox_user_id as string);
      for (const user of users) await patch(app, user, 20);
      return { file, app, users, store };
    }

    test("a PATCH of one user's settings after reads of every device logs that settings row alone", async () => {
      const { file, app, users } = await linkedUsers(4);
      await request(app).get(`/v1/devices?user_id=${users[0]}`).set('x-api-key', DEMO_KEY);
      await request(app).get('/v1/devices/settings').set('x-api-key', DEMO_KEY);
      await request(app).get('/v1/house/consumption/forecast').set('x-api-key', DEMO_KEY);
      expect((await patch(app, users[3] as string, 22)).status).toBe(204);
      const { changed, reordered } = lastLine(file);
      expect(changed.settings).toBe(1);
      expect(changed.devices).toBeUndefined();
      expect(changed.link_sessions).toBeUndefined();
      expect(changed.nox_users ?? 0).toBeLessThanOrEqual(1);
      expect(reordered).toBe(0);
    });

    test('a clock change logs the sessions it expires, not every session', async () => {
      const { file, app } = await linkedUsers(3);
      for (const user of ['waiting_1', 'waiting_2']) {
        await request(app)
          .post('/v2/supplier/link-sessions')
          .set('x-api-key', DEMO_KEY)
          .send({ user_id: user, redirect_url: CALLBACK, asset_type: 'hp' });
      }
      await request(app).post('/__nox/clock/advance').send({ seconds: 3600 });
      expect(lastLine(file).changed).toEqual({ link_sessions: 2 });
    });

    /** A flow-2 login from the manufacturer's app up to the supplier's OAuth page: its state. */
    async function flow2State(app: ReturnType<typeof createApp>, supplierId: string, user: string) {
      const link = await request(app)
        .post('/v2/manufacturer/link-sessions')
        .set('x-api-key', 'mfr_api_key_123')
        .send({ user_id: user, redirect_url: 'https://manufacturer-app.com/callback' });
      const chosen = await request(app)
        .post(`/__nox/manufacturer-link-sessions/${link.body.link_token}/choose-supplier`)
        .send({ supplier_organisation_id: supplierId });
      return chosen.body.state as string;
    }

    test("the way back to NOX after a flow-2 login logs that login's session, not the others'", async () => {
      const { file, app } = await linkedUsers(1);
      const supplier = await request(app)
        .post('/__nox/organisations')
        .send({ kind: 'supplier', name: 'Flow Energy', oauth_login_url: 'https://flow.example/oauth' });
      const states = [];
      for (let i = 0; i < 4; i++) states.push(await flow2State(app, supplier.body.id, `mfr_${i}`));
      const confirmed = await request(app)
        .post('/post-login-redirect')
        .set('x-api-key', supplier.body.api_key)
        .send({ state: states[3], user_id: 'flow_customer' });
      expect(confirmed.status).toBe(200);
      const back = await request(app).post(`/__nox/supplier-auth-sessions/${states[3]}/complete`).send({});
      expect(back.body.outcome).toBe('connected');
      const { changed, reordered } = lastLine(file);
      expect(changed.supplier_auth_sessions).toBe(1);
      expect(changed.organisations ?? 0).toBeLessThanOrEqual(1);
      expect(reordered).toBe(0);
    });

    test("reading the control API's state and webhooks logs nothing: the next change logs itself alone", async () => {
      const { file, app } = await linkedUsers(3);
      expect((await request(app).get('/__nox/state')).status).toBe(200);
      expect((await request(app).get('/__nox/webhooks')).status).toBe(200);
      expect((await request(app).get('/__nox/organisations')).status).toBe(200);
      await request(app)
        .post('/v2/supplier/link-sessions')
        .set('x-api-key', DEMO_KEY)
        .send({ user_id: 'after_reads', redirect_url: CALLBACK, asset_type: 'hp' });
      expect(lastLine(file).changed).toEqual({ link_sessions: 1 });
    });

    test("resetting one organisation logs the removal of its records and leaves the others' unwritten", async () => {
      const { file, app, store } = await linkedUsers(3);
      const other = await request(app)
        .post('/__nox/organisations')
        .send({ kind: 'supplier', name: 'Other', redirect_urls: [CALLBACK] });
      for (const customer of ['other_1', 'other_2', 'other_3']) {
        const linked = await linkUser(app, customer, customer, {}, other.body.api_key);
        expect(linked.outcome).toBe('connected');
      }
      // The demo organisation's rows after the other's too: the removal keeps the order of those left.
      await linkUser(app, 'demo_after', 'bob');
      await request(app).post('/__nox/reset').send({ organisation_id: other.body.id });
      const { changed, removed, reordered } = lastLine(file);
      expect(removed).toEqual({ link_sessions: 3, nox_users: 3, devices: 3 });
      expect(changed).toEqual({ organisations: 1 });
      expect(reordered).toBe(0);
      // A kill now: the log replayed onto the snapshot gives the same records, in the same order.
      const expected = state(store);
      abandon(file);
      const reopened = await openStore({ file });
      expect(state(reopened)).toBe(expected);
      expect(reopened.rows('nox_users').map((u) => u.supplier_user_id)).toEqual([
        'reader_0',
        'reader_1',
        'reader_2',
        'demo_after',
      ]);
      await reopened.close();
    });

    test("deleting a user logs its records' removal and its sessions, not the other users' records", async () => {
      const { file, app, users } = await linkedUsers(3);
      const removed = await request(app).delete(`/v1/users/${users[1]}`).set('x-api-key', DEMO_KEY);
      expect(removed.status).toBe(204);
      const { changed, removed: gone, reordered } = lastLine(file);
      expect(gone).toEqual({ nox_users: 1, devices: 1, settings: 1 });
      expect(changed.link_sessions).toBe(1);
      expect(changed.nox_users ?? 0).toBe(0);
      expect(reordered).toBe(0);
    });
  });
});
