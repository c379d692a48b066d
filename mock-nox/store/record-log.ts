import { existsSync, readFileSync } from 'node:fs';
import type { Db } from './schema.ts';
import type { LogLine, Row } from './tracked-data.ts';

/** `<file>.log`: the changes since the snapshot; `<file>.log.old`: the log a compaction is folding in. */
export const logPaths = (file: string) => ({ current: `${file}.log`, old: `${file}.log.old` });

/** The first line of a log: the snapshot generation its row ids refer to. */
export const logHeader = (generation: number) => `${JSON.stringify({ generation })}\n`;

export interface ReadLog {
  generation: number;
  lines: LogLine[];
  /** Bytes up to the end of the last complete line: a torn line after it was never acknowledged. */
  goodBytes: number;
}

/** Reads a log; a last line cut short (killed mid-append) is left out, a bad line before it is an error. */
export function readLog(path: string): ReadLog | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  const parts = text.split('\n');
  const lines: LogLine[] = [];
  let generation: number | undefined;
  let goodBytes = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i === parts.length - 1) break; // no newline after it: empty, or torn by a kill mid-append
    let parsed: unknown;
    try {
      parsed = JSON.parse(part);
    } catch {
      throw new Error(`line ${i + 1} of ${path} is not JSON`);
    }
    if (generation === undefined) {
      const header = parsed as { generation?: unknown };
      if (!Number.isInteger(header?.generation)) throw new Error(`${path} does not start with a log header`);
      generation = header.generation as number;
    } else {
      if (!isLogLine(parsed)) throw new Error(`line ${i + 1} of ${path} is not a log entry`);
      lines.push(parsed);
    }
    goodBytes += Buffer.byteLength(part) + 1;
  }
  if (generation === undefined) return { generation: -1, lines: [], goodBytes: 0 };
  return { generation, lines, goodBytes };
}

function isLogLine(value: unknown): value is LogLine {
  const line = value as LogLine;
  return typeof line === 'object' && line !== null && typeof line.s === 'object' && Array.isArray(line.u);
}

/**
 * Applies log lines to a database whose rows have the ids `ids` (positions in the snapshot when absent).
 * Row order follows the live store: an insert goes last, a change keeps its place, an order line reorders.
 */
export function replay(db: Db, lines: LogLine[], ids?: Map<string, number[]>): Map<string, number[]> {
  const byId = new Map<string, Map<number, Row>>();
  const rowsOf = (collection: string) => {
    let rows = byId.get(collection);
    if (!rows) {
      const list = ((db as unknown as Record<string, unknown>)[collection] ?? []) as Row[];
      const given = ids?.get(collection);
      rows = new Map(list.map((row, i) => [given?.[i] ?? i, row]));
      byId.set(collection, rows);
    }
    return rows;
  };
  for (const line of lines) {
    Object.assign(db, line.s);
    for (const [collection, id, row] of line.u) rowsOf(collection).set(id, row);
    for (const [collection, id] of line.d ?? []) rowsOf(collection).delete(id);
    for (const [collection, order] of line.o ?? []) {
      const rows = rowsOf(collection);
      byId.set(collection, new Map(order.flatMap((id) => (rows.has(id) ? [[id, rows.get(id) as Row]] : []))));
    }
  }
  const result = new Map(ids);
  for (const [collection, rows] of byId) {
    (db as unknown as Record<string, unknown>)[collection] = [...rows.values()];
    result.set(collection, [...rows.keys()]);
  }
  return result;
}
