import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Adapter } from 'lowdb';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { CALLBACK, DEMO_KEY } from '../../test/test-support/test-mock.ts';
import { createApp } from '../app.ts';
import { openStore, StoreFileError } from './open-store.ts';
import type { Db } from './schema.ts';
import { createSeedDb } from './seed.ts';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'nox-store-')), 'db.json');

describe('the file store', () => {
  test('keeps link sessions across a restart of the app', async () => {
    const file = tempFile();
    const firstStore = await openStore({ file });
    const first = createApp({ store: firstStore });
    const created = await request(first)
      .post('/v2/supplier/link-sessions')
      .set('x-api-key', DEMO_KEY)
      .send({ user_id: 'u', redirect_url: CALLBACK, asset_type: 'hp' });
    await firstStore.close();
    const second = createApp({ store: await openStore({ file }) });
    const done = await request(second)
      .post(`/__nox/link-sessions/${created.body.link_token}/complete`)
      .send({ brand: 'daikin', username: 'alice' });
    expect(done.body.outcome).toBe('connected');
  });

  test('has written the change to the log by the time the request is answered', async () => {
    const file = tempFile();
    const app = createApp({ store: await openStore({ file }) });
    await request(app).post('/__nox/organisations').send({ kind: 'supplier', name: 'Durable Energy' });
    expect(readFileSync(`${file}.log`, 'utf8')).toContain('Durable Energy');
  });

  test('folds the log into the lowdb snapshot when closed', async () => {
    const file = tempFile();
    const store = await openStore({ file });
    const app = createApp({ store });
    await request(app).post('/__nox/organisations').send({ kind: 'supplier', name: 'Snapshot Energy' });
    await store.close();
    expect(
      JSON.parse(readFileSync(file, 'utf8')).organisations.map((o: { name: string }) => o.name),
    ).toContain('Snapshot Energy');
    expect(readFileSync(`${file}.log`, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  test.each([
    ['not JSON', '{"schema_version": 1, "organisations": ['],
    ['empty', ''],
    ["another program's JSON", '{"users": []}'],
    ['null', 'null'],
    [
      'a database with a row that is not an object',
      '{"schema_version": 1, "organisations": [null], "link_sessions": [], "nox_users": [], "devices": []}',
    ],
  ])(
    'refuses a file that is %s, names it, says how to recover and leaves it untouched',
    async (_name, content) => {
      const file = tempFile();
      writeFileSync(file, content);
      const error = await openStore({ file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreFileError);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(/--in-memory/);
      expect(readFileSync(file, 'utf8')).toBe(content);
    },
  );
});

describe('group commit', () => {
  test('concurrent requests share file writes instead of each rewriting the file', async () => {
    let writes = 0;
    const adapter: Adapter<Db> = {
      read: async () => createSeedDb(),
      write: async () => {
        writes++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    };
    const app = createApp({ store: await openStore({ adapter, location: 'counting adapter' }) });
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request(app)
          .post('/v2/supplier/link-sessions')
          .set('x-api-key', DEMO_KEY)
          .send({ user_id: `u${i}`, redirect_url: CALLBACK, asset_type: 'hp' }),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThan(20);
  });

  test('changes made while a write is in flight share the next write, which includes them all', async () => {
    const written: number[] = [];
    // The first write is held open until the test has made its further changes: "in flight" is an event here.
    let writeStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      writeStarted = resolve;
    });
    let releaseWrite!: () => void;
    const released = new Promise<void>((resolve) => {
      releaseWrite = resolve;
    });
    const store = await openStore({
      adapter: {
        read: async () => createSeedDb(),
        write: async (data) => {
          const snapshot = data.clock_offset_seconds;
          writeStarted();
          await released;
          written.push(snapshot);
        },
      },
      location: 'recording adapter',
    });
    store.data.clock_offset_seconds = 1;
    const first = store.commit();
    await started;
    store.data.clock_offset_seconds = 2;
    const second = store.commit();
    store.data.clock_offset_seconds = 3;
    const third = store.commit();
    expect(third).toBe(second);
    releaseWrite();
    await first;
    expect(written).toEqual([1]);
    await third;
    expect(written).toEqual([1, 3]);
  });
});

describe('the database lock', () => {
  test('refuses a second store on a file that is in use, naming the process, until the first closes', async () => {
    const file = tempFile();
    const first = await openStore({ file });
    const error = await openStore({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFileError);
    expect((error as Error).message).toContain(`in use by process ${process.pid}`);
    await first.close();
    await (await openStore({ file })).close();
  });

  test('takes over a lock left by a process that is gone', async () => {
    const file = tempFile();
    writeFileSync(`${file}.lock`, '2147483646');
    const store = await openStore({ file });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(String(process.pid));
    await store.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('indexed lookups', () => {
  const manufacturerUser = (noxUserId: string) => ({
    organisation_id: 'mfr_1',
    manufacturer_user_id: `app_user_of_${noxUserId}`,
    nox_user_id: noxUserId,
    brand: 'daikin',
    device_ids: [],
    created_at: 0,
    updated_at: 0,
  });

  test('a record whose indexed field changed in place is found under its new key once its keys are changed', async () => {
    const store = await openStore({ inMemory: true });
    store.data.manufacturer_users.push(manufacturerUser('nox_a'), manufacturerUser('nox_c'));
    const [moved] = store.find.manufacturerUsersOf('nox_a');
    if (!moved) throw new Error('the pushed record is not indexed');
    moved.nox_user_id = 'nox_b';
    expect(store.peek.manufacturerUsersOf('nox_a')).toEqual([]); // checked against its current key
    expect(store.peek.manufacturerUsersOf('nox_b')).toEqual([]); // not filed under the new one yet
    store.keysChanged('manufacturer_users', [moved]);
    expect(store.peek.manufacturerUsersOf('nox_b')).toEqual([moved]);
    expect(store.peek.manufacturerUsersOf('nox_a')).toEqual([]);
    expect(store.peek.manufacturerUsersOf('nox_c')).toHaveLength(1);
    store.remove('manufacturer_users', [moved]);
    expect(store.peek.manufacturerUsersOf('nox_b')).toEqual([]);
  });

  test('peek finds what find finds, without handing it out to the next commit', async () => {
    const file = tempFile();
    const store = await openStore({ file });
    store.data.manufacturer_users.push(manufacturerUser('nox_a'));
    await store.commit();
    const before = readFileSync(`${file}.log`, 'utf8');
    expect(store.peek.manufacturerUser('mfr_1', 'app_user_of_nox_a')?.nox_user_id).toBe('nox_a');
    store.data.clock_offset_seconds = 60; // a commit with something in it
    await store.commit();
    const line = readFileSync(`${file}.log`, 'utf8').slice(before.length);
    expect(line).toContain('"clock_offset_seconds":60');
    expect(line).not.toContain('manufacturer_users');
    await store.close();
  });
});
