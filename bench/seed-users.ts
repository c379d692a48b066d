// A database file with N linked users, made quickly and in whatever format the store writes: the mock
// links one template user with its file store and stops cleanly, then that file's records are cloned N
// times with fresh ids. Only public commands and HTTP are used, so a rewritten store is seeded the same way.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flow1 } from './lifecycles.ts';
import { tempDir } from './processes.ts';
import { startServer } from './servers.ts';

const TEMPLATE = 'benchseedtemplate';

/** One template lifecycle's ids, in the stopped mock's file. */
interface Template {
  db: Record<string, unknown>;
  text: Record<string, string>;
  ids: string[];
}

async function linkTemplateUser(): Promise<Template> {
  const file = join(tempDir('nox-bench-seed-'), 'db.json');
  const server = await startServer('mock-file', { db: file });
  let noxUserId: string;
  try {
    noxUserId = await flow1(server.url, TEMPLATE);
  } finally {
    await server.stop();
  }
  const raw = readFileSync(file, 'utf8');
  if (!raw.includes(noxUserId))
    throw new Error(
      `after a clean stop, ${file} does not hold the linked user ${noxUserId}: cannot seed from it`,
    );
  const db = JSON.parse(raw) as Record<string, unknown>;
  const text: Record<string, string> = {};
  for (const [key, value] of Object.entries(db)) {
    if (key !== 'organisations' && Array.isArray(value) && value.length > 0)
      text[key] = JSON.stringify(value);
  }
  // Every id-like string the lifecycle made: UUIDs and the link token (43 base64url characters).
  const ids = [
    ...new Set(
      raw.match(/"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"|"[A-Za-z0-9_-]{43}"/g),
    ),
  ];
  return { db, text, ids: ids.map((quoted) => quoted.slice(1, -1)) };
}

function cloneId(id: string, i: number): string {
  const suffix = i.toString(16).padStart(12, '0');
  return id.slice(0, id.length - suffix.length) + suffix;
}

/** Database files with `count` linked users each (flow 1, demo supplier), from one template; paths and a user. */
export async function seedLinkedUsers(
  counts: number[],
): Promise<{ file: string; sampleNoxUserId: string }[]> {
  const template = await linkTemplateUser();
  return counts.map((count) => cloneTemplate(template, count));
}

function cloneTemplate(template: Template, count: number): { file: string; sampleNoxUserId: string } {
  const db = { ...template.db };
  let sample = '';
  for (const [key, json] of Object.entries(template.text)) {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      let clone = json.replaceAll(TEMPLATE, `benchseed${i}`);
      for (const id of template.ids) clone = clone.replaceAll(id, cloneId(id, i));
      parts.push(clone.slice(1, -1));
    }
    db[key] = JSON.parse(`[${parts.join(',')}]`);
    if (key === 'nox_users') sample = (db[key] as { id: string }[]).at(-1)?.id ?? '';
  }
  const file = join(tempDir('nox-bench-users-'), 'db.json');
  writeFileSync(file, JSON.stringify(db));
  return { file, sampleNoxUserId: sample };
}
