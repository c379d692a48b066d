import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../mock-nox/app.ts';
import { openStore, readDatabase } from '../../mock-nox/store/open-store.ts';
import { createFakeTime } from './test-mock.ts';

/** An in-process mock on a real JSON file (so every write is serialised), for supertest. */
export async function createFileMock() {
  const file = join(mkdtempSync(join(tmpdir(), 'nox-file-')), 'db.json');
  const store = await openStore({ file });
  const app = createApp({ store, time: createFakeTime() });
  // Parsed again so the test reads it as untyped JSON, as it would the file.
  const stored = () => JSON.parse(JSON.stringify(readDatabase(file)));
  return { app, store, file, stored, close: () => store.close() };
}

/** `{"x": [[[ … ]]]}` nested `levels` deep, as a raw JSON string. */
export function nestedJson(levels: number, key = 'x'): string {
  return `{"${key}":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}
