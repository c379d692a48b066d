import { parseArgs } from 'node:util';
import { DEMO_SUPPLIER_KEY, openStore, StoreFileError, startServer } from '../mock-nox/index.ts';
import { controlApiLine, isControlClosed } from './control-exposure.ts';
import {
  readConfigFile,
  resolveServeOptions,
  ServeOptionError,
  type ServeOptions,
  serveEnv,
} from './serve-options.ts';
import { waitForStopSignals } from './stop-signals.ts';

export const serveHelp = `Usage: nox-testkit serve [options]

Runs the mock NOX platform: the Authenticator API (v2 and deprecated v1), the link pages with fake
manufacturer logins, and the control API under /__nox, all on one origin.

Options (flag, then env variable, then config file, then default):
  --port N            port to listen on; 0 picks a free one     [${serveEnv.port}] (default 4400)
  --host HOST         interface to listen on                    [${serveEnv.host}] (default 127.0.0.1)
  --public-url URL    origin put into link_url, e.g. when behind a proxy or in a container
                      [${serveEnv.publicUrl}] (default: the origin each client called)
  --db PATH           lowdb JSON database file                  [${serveEnv.db}] (default .nox-testkit/db.json)
  --in-memory         keep everything in memory (nothing survives a restart)  [${serveEnv.inMemory}=1]
  --admin-token TOKEN every control API client must send "Authorization: Bearer TOKEN"; needed
                      for the control API when --host is not loopback  [${serveEnv.adminToken}]
  --config FILE       JSON or TypeScript config; its "mock" section holds the options above
                      (port, host, publicUrl, db, inMemory, adminToken) and "policies"  [${serveEnv.config}]
  -h, --help          show this help

Examples:
  npm start                                   # http://127.0.0.1:4400, demo supplier key ${DEMO_SUPPLIER_KEY}
  npm start -- --port 0 --in-memory           # a free port, nothing kept
  nox-testkit serve --host 0.0.0.0 --public-url http://nox.local:4400
`;

/** `nox-testkit serve`: starts the mock, prints how to use it, stops cleanly on Ctrl-C. Returns an exit code. */
export async function serveCommand(argv: string[]): Promise<number> {
  let options: ServeOptions;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'public-url': { type: 'string' },
        db: { type: 'string' },
        'in-memory': { type: 'boolean' },
        'admin-token': { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(serveHelp);
      return 0;
    }
    const file = await readConfigFile(values.config ?? process.env[serveEnv.config]);
    const flags = {
      port: values.port,
      host: values.host,
      publicUrl: values['public-url'],
      db: values.db,
      inMemory: values['in-memory'],
      adminToken: values['admin-token'],
    };
    options = resolveServeOptions(flags, process.env, file);
  } catch (error) {
    process.stderr.write(
      `nox-testkit serve: ${(error as Error).message}\nRun "nox-testkit serve --help" for the options.\n`,
    );
    return 2;
  }
  return run(options);
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
    const control = controlApiLine(server.url, options.host, options.adminToken);
    process.stdout.write(banner(server.url, options.publicUrl ?? server.url, store.location, control));
    await stopRequested;
    process.stdout.write('Stopping the mock NOX platform (Ctrl-C again to stop at once)...\n');
    stopNow = () => {
      server.closeNow();
      process.exit(130);
    };
    // In-flight requests finish and are answered; then the last changes are written and the lock released.
    await server.close();
    await store.commit();
    store.close();
    return 0;
  } catch (error) {
    process.stderr.write(`nox-testkit serve: ${startupMessage(error, options)}\n`);
    return 1;
  }
}

function startupMessage(error: unknown, options: ServeOptions): string {
  if (error instanceof StoreFileError || error instanceof ServeOptionError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `port ${options.port} on ${options.host} is in use. Choose another with --port (0 picks a free one).`;
  }
  if (code === 'EACCES')
    return `no permission to listen on ${options.host}:${options.port}; use a port above 1023.`;
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
