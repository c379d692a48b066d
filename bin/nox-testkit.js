#!/usr/bin/env node
// Installed entry point: runs the compiled CLI in this process (no loader, no child process), from any folder.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/nox-testkit.js', import.meta.url);
if (!existsSync(cli)) {
  // Only in a clone that was never built: the published package always has dist/.
  process.stderr.write(
    'nox-testkit: dist/ is missing. Run "npm run build", or "npm start" to run the sources.\n',
  );
  process.exit(1);
}
if (process.env.npm_command) stopWhenNpmsShellGoes();
await import(cli.href);

/**
 * npx, npm exec and npm run start us through `sh -c` and forward SIGINT/SIGTERM to that shell only: it dies
 * and we would run on as an orphan. So a parent gone without a signal to us is taken as the SIGTERM it was.
 * (A Ctrl-C in a terminal signals us too: then nothing more is sent, or `serve` would take it as a second one.)
 */
function stopWhenNpmsShellGoes() {
  const parent = process.ppid;
  let signalled = false;
  const note = (signal) => {
    signalled = true;
    // Alone, this listener would swallow the signal: step aside and let it do what it does by default.
    if (process.listenerCount(signal) > 1) return;
    process.off('SIGINT', note).off('SIGTERM', note);
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', note).on('SIGTERM', note);
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    if (!signalled) process.kill(process.pid, 'SIGTERM');
  }, 200);
  watch.unref();
}
