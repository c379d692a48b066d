import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { configName } from '../config/define-config.ts';

/**
 * Playwright's own CLI, from nox-testkit's playwright-core: its trace viewer needs no other package and no
 * browser download (playwright-core does not export cli.js, so it is found beside its package.json).
 */
export const playwrightCli = join(
  dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')),
  'cli.js',
);

/** The one command that opens a trace in Playwright's viewer: `node …/playwright-core/cli.js show-trace <zip>`. */
export function showTraceCommand(zip: string): string {
  return ['node', playwrightCli, 'show-trace', configName(zip)].map(quoted).join(' ');
}

/** A shell word: as it is when plain, else single-quoted. */
function quoted(word: string): string {
  return /^[\w./:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
