import type { Server, ServerResponse } from 'node:http';

/** How long in-flight requests get to finish once a stop was asked for. */
export const STOP_DEADLINE_MS = 10_000;

/**
 * Tracks the answers being written so a stop can let them finish: `close()` stops accepting, answers
 * every in-flight request (with `Connection: close`), closes idle keep-alive sockets as they go idle,
 * and cuts what is left at the deadline. Resolves once no connection is open.
 */
export function createGracefulClose(server: Server) {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (closing) res.shouldKeepAlive = false;
    res.on('close', () => {
      inFlight.delete(res);
      if (closing) server.closeIdleConnections();
    });
  });
  return {
    close(deadlineMs = STOP_DEADLINE_MS): Promise<void> {
      closing = true;
      for (const res of inFlight) res.shouldKeepAlive = false;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => server.closeAllConnections(), deadlineMs);
        server.close((error) => {
          clearTimeout(timer);
          if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      });
    },
    /** Cuts every connection at once (a second Ctrl-C); answers already sent were already stored. */
    closeNow(): void {
      closing = true;
      server.closeAllConnections();
    },
  };
}

/** Sockets that send no complete request are not kept: bounded header, request and idle times. */
export function applyServerTimeouts(server: Server): void {
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
}
