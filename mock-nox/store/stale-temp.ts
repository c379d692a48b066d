import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * lowdb writes `<dir>/.<name>.tmp` and renames it over the file; a process killed in between leaves the
 * temp file behind. Only the lock holder writes it, so once the lock is taken a leftover is stale.
 */
export function removeStaleTemp(file: string): void {
  rmSync(join(dirname(file), `.${basename(file)}.tmp`), { force: true });
}
