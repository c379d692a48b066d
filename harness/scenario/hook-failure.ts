import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configName as shown } from '../config/define-config.ts';
import type { HookName } from '../config/supplier-adapter.ts';
import { HookFailed } from '../errors.ts';

/** The harness's own folder: frames in it are the harness calling the hook, not the hook. */
const harnessDir = resolve(import.meta.dirname, '..');

/** Which hook is running in an attempt, so a scenario that times out inside one can name it. */
export interface HookTracker {
  running?: HookName;
  /** Awaited when a hook throws, before its failure is reported (--debug pauses in Playwright's inspector). */
  onFailure?: (hook: HookName) => Promise<void>;
}

/**
 * Runs one of the adapter's hooks; an error it throws becomes a HookFailed naming the hook, the line of the
 * supplier's own file it threw at (config files are loaded by jiti, which keeps their lines) with a code
 * frame, and the page's URL. `polled`: a throw may be retried (readOutcome), so it does not pause --debug.
 */
export async function callHook<T>(
  name: HookName,
  pageUrl: () => string,
  tracker: HookTracker,
  run: () => Promise<T>,
  polled = false,
): Promise<T> {
  tracker.running = name;
  try {
    return await run();
  } catch (error) {
    if (error instanceof HookFailed) throw error;
    const failed = hookFailed(name, error, pageUrl());
    if (!polled) await tracker.onFailure?.(name);
    throw failed;
  } finally {
    if (tracker.running === name) tracker.running = undefined;
  }
}

/** A hook's error as a HookFailed: what it threw, where in the supplier's files, and on which page. */
export function hookFailed(name: HookName, error: unknown, pageUrl: string): HookFailed {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const at = error instanceof Error ? supplierFrame(error.stack ?? '') : undefined;
  const where = at ? ` at ${at.location}` : '';
  return new HookFailed(
    name,
    `The ${name} hook threw${where}: ${message} (the browser was on ${pageUrl})`,
    pageUrl,
    at?.location,
    at?.codeFrame,
  );
}

/**
 * The line that defines `name` in a config file (`name(`, `name:` or `name =`), for a hook that never
 * returned: it left no stack to read. Undefined when the file does not spell it out.
 */
export function hookDefinition(
  file: string | undefined,
  name: HookName,
): { location: string; codeFrame: string } | undefined {
  if (!file) return undefined;
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
  const pattern = new RegExp(`\\b${name}\\s*[:(=]`);
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) return undefined;
  const column = (lines[index] ?? '').search(new RegExp(`\\b${name}\\b`)) + 1;
  return {
    location: `${shown(file)}:${index + 1}:${column}`,
    codeFrame: codeFrame(lines, index + 1, column),
  };
}

/** The first frame of a stack in the supplier's own files (not node's, a package's or the harness's). */
function supplierFrame(stack: string): { location: string; codeFrame?: string } | undefined {
  for (const line of stack.split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?$/.exec(line.trim());
    if (!match) continue;
    const [, raw = '', row = '0', col = '0'] = match;
    if (raw.startsWith('node:')) continue;
    const file = raw.startsWith('file://') ? fileURLToPath(raw) : raw;
    if (file.split(sep).includes('node_modules') || file.startsWith(harnessDir + sep)) continue;
    const lineNo = Number(row);
    const column = Number(col);
    let frame: string | undefined;
    try {
      frame = codeFrame(readFileSync(file, 'utf8').split(/\r?\n/), lineNo, column);
    } catch {}
    return { location: `${shown(file)}:${lineNo}:${column}`, ...(frame ? { codeFrame: frame } : {}) };
  }
  return undefined;
}

/** Two lines either side of `line` (1-based), numbered, the line itself marked with `>` and a caret under `column`. */
function codeFrame(lines: string[], line: number, column: number): string {
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const mark = n === line ? '>' : ' ';
    out.push(`${mark} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`.trimEnd());
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}
