import {
  closeSync,
  fstatSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  write,
  writeSync,
} from 'node:fs';
import { promisify } from 'node:util';
import type { Adapter } from 'lowdb';
import { logHeader, logPaths } from './record-log.ts';
import type { Tracking } from './tracked-data.ts';

const append = promisify(write) as (fd: number, text: string) => Promise<unknown>;

/** Below this the log is not worth folding into the snapshot. */
export const DEFAULT_COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

export interface FileLogOptions {
  file: string;
  snapshot: Adapter<unknown>;
  tracking: Tracking;
  /** The snapshot generation the current log's row ids refer to. */
  generation: number;
  /** Bytes of the current log to keep (a torn last line is cut off); undefined: start a new log. */
  keepBytes?: number;
  /** The log is compacted once it is larger than this and than the snapshot. */
  compactAfterBytes?: number;
}

/**
 * The append-only log behind a file store. A commit appends one line with the rows changed since the
 * last one, so its cost follows the change, not the data. Once the log outgrows the snapshot it is
 * compacted: at one instant the log is renamed `.log.old`, a new log begun and the whole state handed
 * to lowdb, which writes the snapshot (temp file + rename, in the background); only then is `.log.old`
 * removed. Killed at any point, the snapshot's generation tells a restart which logs it still needs.
 */
export function createFileLog(options: FileLogOptions) {
  const { file, snapshot, tracking } = options;
  const paths = logPaths(file);
  const threshold = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
  let generation = options.generation;
  let fd: number;
  let logBytes: number;
  let snapshotBytes = sizeOf(file);
  let compacting: Promise<void> | null = null;
  // A compaction that failed left `.log.old` unfolded: another one would overwrite it, so none runs.
  let compactionFailed = false;

  if (options.keepBytes === undefined) begin();
  else {
    truncateSync(paths.current, options.keepBytes);
    fd = openSync(paths.current, 'a');
    logBytes = fstatSync(fd).size;
  }

  /** Starts an empty log for the current generation. */
  function begin() {
    fd = openSync(paths.current, 'w');
    const header = logHeader(generation);
    logBytes = Buffer.byteLength(header);
    writeSync(fd, header);
  }

  /** The sync part of a compaction: everything up to now goes to the snapshot, the log starts over. */
  function startCompaction(): Promise<void> {
    closeSync(fd);
    renameSync(paths.current, paths.old);
    generation++;
    // lowdb's JSONFile serialises here, synchronously: the snapshot is the state of this instant.
    const written = snapshot.write({ ...tracking.raw, log_generation: generation });
    tracking.renumber();
    begin();
    return written.then(
      () => {
        snapshotBytes = sizeOf(file);
        rmSync(paths.old, { force: true });
      },
      (error: unknown) => {
        compactionFailed = true;
        throw error;
      },
    );
  }

  function compact(): Promise<void> {
    compacting ??= startCompaction().finally(() => {
      compacting = null;
    });
    return compacting;
  }

  return {
    /** Appends the changes made so far; resolves once they are in the log. */
    async write(): Promise<void> {
      const line = tracking.takeLine();
      if (line === null) return;
      await append(fd, line);
      logBytes += Buffer.byteLength(line);
      if (!compacting && !compactionFailed && logBytes > Math.max(threshold, snapshotBytes))
        compact().catch(reportCompaction);
    },
    /** Waits for a compaction under way, then folds the log into the snapshot if it holds anything. */
    async close(): Promise<void> {
      await compacting?.catch(() => undefined);
      if (!compactionFailed && logBytes > Buffer.byteLength(logHeader(generation))) await compact();
      closeSync(fd);
    },
  };
}

const reportCompaction = (error: unknown) =>
  console.error('[nox-testkit] compacting the database log failed; the log keeps every change', error);

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
