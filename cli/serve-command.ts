import type { Command } from 'commander';
import { envValue } from '../common/precedence.ts';
import { DEMO_SUPPLIER_KEY, openStore, StoreFileError, startServer } from '../mock-nox/index.ts';
import { controlApiLine, dashboardLine, isControlClosed } from './control-exposure.ts';
import {
  type RawOptions,
  readConfigFile,
  resolveServeOptions,
  type ServeOptions,
  serveEnv,
} from './serve-options.ts';
import { waitForStopSignals } from './stop-signals.ts';

const description = [
  `Runs the mock NOX platform: the Authenticator API (v2 and deprecated v1), the link pages with fake manufacturer logins, the data API and the control API under /__nox, all on one origin.`,
  `Each option is taken from its flag, then its env variable, then the config file's "mock" section (port, host, publicUrl, db, inMemory, adminToken, policies), then the default.`,
].join('\n\n');

const examples = `
Examples (in your project, where nox-testkit is installed):
  npx nox-testkit serve                           # http://127.0.0.1:4400, demo supplier key ${DEMO_SUPPLIER_KEY}
  npx nox-testkit serve --port 0 --in-memory      # a free port, nothing kept
  npx nox-testkit serve --host 0.0.0.0 --public-url http://nox.local:4400 --admin-token s3cret`;

/** `nox-testkit serve`. */
export function defineServeCommand(program: Command): void {
  program
    .command('serve')
    .summary('run the mock NOX platform (APIs, link pages, control API)')
    .description(description)
    .option('--port <n>', `port to listen on; 0 picks a free one (env ${serveEnv.port}, default 4400)`)
    .option('--host <host>', `interface to listen on (env ${serveEnv.host}, default 127.0.0.1)`)
    .option(
      '--public-url <url>',
      `origin put into link_url, e.g. behind a proxy or in a container (env ${serveEnv.publicUrl}, default: the origin each client called)`,
    )
    .option('--db <path>', `lowdb JSON database file (env ${serveEnv.db}, default .nox-testkit/db.json)`)
    .option(
      '--in-memory',
      `keep everything in memory, nothing survives a restart (env ${serveEnv.inMemory}=1)`,
    )
    .option(
      '--admin-token <token>',
      `every control API client must send "Authorization: Bearer TOKEN"; needed for the control API when --host is not loopback (env ${serveEnv.adminToken})`,
    )
    .option('--config <file>', `JSON or TypeScript config with a "mock" section (env ${serveEnv.config})`)
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', examples)
    .action(async (flags: RawOptions & { config?: string }) => {
      process.exitCode = await serveCommand(flags);
    });
}

/** `nox-testkit serve`: starts the mock, prints how to use it, stops cleanly on Ctrl-C. Returns an exit code. */
export async function serveCommand(flags: RawOptions & { config?: string }): Promise<number> {
  const { config, ...options } = flags;
  const file = await readConfigFile(config ?? envValue(process.env, serveEnv.config));
  return run(resolveServeOptions(options, process.env, file));
}

async function run(options: ServeOptions): Promise<number> {
  let stopNow = () => process.exit(130);
  const stopRequested = waitForStopSignals(() => stopNow());
  try {
    const store = await openStore(options.inMemory ? { inMemory: true } : { file: options.db });
    if (options.policies) Object.assign(store.data.policies, options.policies);
    const controlClosed = isControlClosed(options.host, options.adminToken);
    const server = await startServer(
      { store, publicUrl: options.publicUrl, adminToken: options.adminToken, controlClosed },
      options.host,
      options.port,
    );
    const control = [
      controlApiLine(server.url, options.host, options.adminToken),
      dashboardLine(server.url, options.host, options.adminToken),
    ].join('\n  ');
    process.stdout.write(banner(server.url, options.publicUrl ?? server.url, store.location, control));
    await stopRequested;
    process.stdout.write('Stopping the mock NOX platform (Ctrl-C again to stop at once)...\n');
    stopNow = () => {
      server.closeNow();
      process.exit(130);
    };
    // In-flight requests finish and are answered; then the last changes are written and the lock released.
    await server.close();
    await store.close();
    return 0;
  } catch (error) {
    process.stderr.write(`nox-testkit serve: ${startupMessage(error, options)}\n`);
    return 1;
  }
}

function startupMessage(error: unknown, options: ServeOptions): string {
  if (error instanceof StoreFileError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const { host, port } = options;
  if (code === 'EADDRINUSE')
    return `port ${port} on ${host} is in use. Choose another with --port (0 picks a free one).`;
  if (code === 'EACCES') return `no permission to listen on ${host}:${port}; use a port above 1023.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EADDRNOTAVAIL')
    return `cannot listen on host "${host}": it is not an address of this machine (${code}). Choose another with --host, e.g. 127.0.0.1 or 0.0.0.0.`;
  return (error as Error).message;
}

function banner(url: string, publicUrl: string, database: string, control: string): string {
  return `nox-testkit: mock NOX platform listening on ${url}

  Authenticator API   ${publicUrl}/v2/supplier/link-sessions  (v1: ${publicUrl}/users/{userId}/link)
  Link pages          ${publicUrl}/ui?token=...
  ${control}
  Database            ${database}
  Demo supplier       Acme Energy, x-api-key: ${DEMO_SUPPLIER_KEY}

Try it:
  curl -X POST ${publicUrl}/v2/supplier/link-sessions \\
    -H "Content-Type: application/json" -H "x-api-key: ${DEMO_SUPPLIER_KEY}" \\
    -d '{"user_id": "supplier_user_id_123", "redirect_url": "https://your-app.com/callback", "asset_type": "hp"}'

Press Ctrl-C to stop.
`;
}
